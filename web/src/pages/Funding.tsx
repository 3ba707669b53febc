// Placeholder until the funding review screen lands.
import { Layout } from '../components/Layout.tsx';
import type { Route } from '../router.ts';
export default function FundingPage({ route }: { route: Extract<Route, { page: 'funding' }> }) {
  return <Layout route={route} title="Impuls"><h1 className="utrecht-heading-1">Impuls</h1></Layout>;
}
