import { Layout } from '../components/Layout.tsx';
import type { Route } from '../router.ts';

// Placeholder until this page is built.
export default function AreaProfilePage({ route }: { route: Extract<Route, { page: 'area' }> }) {
  return (
    <Layout route={route} title="AreaProfile">
      <h1 className="utrecht-heading-1">AreaProfile</h1>
    </Layout>
  );
}
