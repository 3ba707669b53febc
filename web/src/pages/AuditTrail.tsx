// Placeholder until the funding review screen lands.
import { Layout } from '../components/Layout.tsx';
import type { Route } from '../router.ts';
export default function AuditTrailPage({ route }: { route: Extract<Route, { page: 'audit' }> }) {
  return <Layout route={route} title="Audittrail"><h1 className="utrecht-heading-1">Audittrail</h1></Layout>;
}
