// Placeholder until the funding review screen lands.
import { Layout } from '../components/Layout.tsx';
import type { Route } from '../router.ts';
export default function CoalitionPage({ route }: { route: Extract<Route, { page: 'coalition' }> }) {
  return <Layout route={route} title="Coalitie"><h1 className="utrecht-heading-1">Coalitie</h1></Layout>;
}
