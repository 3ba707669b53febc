// Placeholder until the funding review screen lands.
import { Layout } from '../components/Layout.tsx';
import type { Route } from '../router.ts';
export default function AccountsPage({ route }: { route: Extract<Route, { page: 'accounts' }> }) {
  return <Layout route={route} title="Accounts"><h1 className="utrecht-heading-1">Accounts</h1></Layout>;
}
