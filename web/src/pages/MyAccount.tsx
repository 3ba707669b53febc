// Placeholder until the funding review screen lands.
import { Layout } from '../components/Layout.tsx';
import type { Route } from '../router.ts';
export default function MyAccountPage({ route }: { route: Extract<Route, { page: 'account' }> }) {
  return <Layout route={route} title="Mijn account"><h1 className="utrecht-heading-1">Mijn account</h1></Layout>;
}
