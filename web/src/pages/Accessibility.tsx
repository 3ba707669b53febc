import { Layout } from '../components/Layout.tsx';
import type { Route } from '../router.ts';

// Placeholder until this page is built.
export default function AccessibilityPage({ route }: { route: Extract<Route, { page: 'accessibility' }> }) {
  return (
    <Layout route={route} title="Accessibility">
      <h1 className="utrecht-heading-1">Accessibility</h1>
    </Layout>
  );
}
