import { Layout } from '../components/Layout.tsx';
import type { Route } from '../router.ts';

// Placeholder until this page is built.
export default function AtlasPage({ route }: { route: Extract<Route, { page: 'atlas' }> }) {
  return (
    <Layout route={route} title="Atlas">
      <h1 className="utrecht-heading-1">Atlas</h1>
    </Layout>
  );
}
