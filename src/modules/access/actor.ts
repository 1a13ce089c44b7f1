import type { ApiKeyScope, Package } from './vocabulary.ts';
import type { AccessProfile } from './can.ts';

/** Where a request came from; recorded on audit events. */
export type RequestContext = { ip?: string | undefined; userAgent?: string | undefined };

type Base = { accountId: string; accountPackage: Package; ctx: RequestContext };

export type UserActor = Base & {
  kind: 'user';
  userId: string;
  sessionId: string | null;
  mustChangePassword: boolean;
  /** Security group, user sales permissions and agent links, as `can()` reads them. */
  profile: AccessProfile;
};

export type ApiKeyActor = Base & { kind: 'api_key'; apiKeyId: string; scope: ApiKeyScope };

/** The operator at the command line (or the server acting on its own, e.g. a job). */
export type SystemActor = Base & { kind: 'system' };

export type Actor = UserActor | ApiKeyActor | SystemActor;

/** Only what the tenancy helper needs: every query filter is built from this. */
export type AccountScope = { accountId: string };
