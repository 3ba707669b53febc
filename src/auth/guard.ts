// The transaction and authorization steps of a route's pipeline:
//   rate limit → auth → validate → transaction → authorize(actor, action, resource) → presenter.
// `inTransaction` opens the transaction and hands the route an `Access`: `access.check` asks the
// policy (and throws 403), `access.audit` records the change or read in the same transaction.
// A refusal rolls the transaction back and is then recorded on its own, outcome `denied`.

import type { FastifyRequest } from 'fastify';
import { actorOf } from '../http/api.ts';
import { HttpError } from '../http/errors.ts';
import type { Database, Queryable } from '../platform/db.ts';
import { recordAudit, type AuditContext, type AuditEntry } from '../audit/audit.ts';
import type { Actor } from './actor.ts';
import { authorize, mayEver, type Action, type Resource } from './policy.ts';

export class Forbidden extends HttpError {
  constructor(
    readonly action: Action,
    readonly resource: Resource,
    /** Why, when the policy's own words are not enough (e.g. which field reached outside the scope). */
    reason?: string,
    field?: string,
  ) {
    super(403, 'forbidden', reason ?? `not allowed: ${action} ${resource.type}`, field);
  }
}

export function auditContext(request: FastifyRequest): AuditContext {
  return { requestId: String(request.id), actor: actorOf(request), address: request.ip };
}

export class Access {
  constructor(
    readonly tx: Queryable,
    readonly context: AuditContext,
  ) {}

  get actor(): Actor | undefined {
    return this.context.actor;
  }

  /** Allowed? No side effects: for presenters that show what an actor may do. */
  can(action: Action, resource: Resource): boolean {
    return authorize(this.actor, action, resource).allowed;
  }

  /** The cheap check first: may the actor's role ever do this to this type? 403 if not, before
   * anything is loaded (the ids, as requested, go into the audit trail of the refusal). */
  checkRole(action: Action, resource: Resource): void {
    if (!mayEver(this.actor, action, resource.type)) throw new Forbidden(action, resource);
  }

  /** The full check on the loaded resource: 403 if not allowed. */
  check(action: Action, resource: Resource): void {
    if (!authorize(this.actor, action, resource).allowed) throw new Forbidden(action, resource);
  }

  /** Records a change or a read of protected data, in this transaction. */
  audit(action: string, resource: Resource, detail?: AuditEntry['detail']): Promise<void> {
    return recordAudit(this.tx, this.context, { action, resourceType: resource.type, resourceId: resource.id, coalitionId: resource.coalitionId, detail });
  }
}

export async function inTransaction<T>(db: Database, request: FastifyRequest, fn: (access: Access) => Promise<T>): Promise<T> {
  const context = auditContext(request);
  try {
    return await db.transaction((tx) => fn(new Access(tx, context)));
  } catch (error) {
    if (error instanceof Forbidden) {
      await recordAudit(db, context, {
        action: error.action,
        resourceType: error.resource.type,
        resourceId: error.resource.id,
        coalitionId: error.resource.coalitionId,
        outcome: 'denied',
      });
    }
    throw error;
  }
}
