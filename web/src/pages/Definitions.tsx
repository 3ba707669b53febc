import { Layout } from '../components/Layout.tsx';
import type { Route } from '../router.ts';

// Placeholder until this page is built.
export default function DefinitionsPage({ route }: { route: Extract<Route, { page: 'definitions' }> }) {
  return (
    <Layout route={route} title="Definitions">
      <h1 className="utrecht-heading-1">Definitions</h1>
    </Layout>
  );
}
