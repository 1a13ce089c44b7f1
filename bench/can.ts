// Benchmark: can() checks per second on one core, for a user whose permissions are loaded.
// Target (issue 3): at least 1,000,000 checks per second. Run: npm run bench -- can
import { type AccessProfile, can, type CanContext } from '../src/modules/access/can.ts';
import { fullSalesPermissions } from '../src/modules/access/sales-permissions.ts';
import { TASK_IDS, type TaskId } from '../src/modules/access/tasks.ts';
import { ALL_PERMISSIONS } from '../src/modules/users/permissions.ts';

const types = Array.from(
  { length: 10 },
  (_, i) => `01900000-0000-7000-8000-0000000000${String(i).padStart(2, '0')}`,
);
const agents = Array.from(
  { length: 50 },
  (_, i) => `01900000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`,
);
const profile: AccessProfile = {
  userId: '01900000-0000-7000-8000-000000000001',
  package: 'scale',
  userType: 'agent_crm_user',
  group: { ...ALL_PERMISSIONS, recordAccess: { restriction: 'accessible_agents', includeUnassigned: true } },
  sales: { ...fullSalesPermissions(types, 'scale'), recordAccess: 'assigned' },
  linkedAgentIds: new Set(agents.slice(0, 2)),
  accessibleAgentIds: new Set(agents),
};

// A realistic mix: every task, with a record on the ones that act on one, half allowed, half denied.
const cases: { task: TaskId; ctx: CanContext }[] = [];
for (const task of TASK_IDS) {
  for (let i = 0; i < 4; i++) {
    const agentId = i % 2 === 0 ? agents[i]! : '01900000-0000-7000-8000-0000000009ff';
    cases.push({
      task,
      ctx: {
        record: task.includes('sales_record')
          ? { kind: 'sales_record', recordTypeId: types[i]!, assignedUserId: null, assignedAgentId: agentId }
          : task.includes('individual')
            ? { kind: 'individual', servicingAgentId: agentId }
            : { kind: 'agent', agentId },
        senderUserId: profile.userId,
      },
    });
  }
}

function run(n: number): { allowed: number; ms: number } {
  let allowed = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const c = cases[i % cases.length]!;
    if (can(profile, c.task, c.ctx).allowed) allowed++;
  }
  return { allowed, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

run(200_000); // warm-up (JIT)
const N = 5_000_000;
const results = [run(N), run(N), run(N)];
const best = results.reduce((a, b) => (a.ms < b.ms ? a : b));
const perSecond = Math.round((N / best.ms) * 1000);
console.log(
  `can(): ${N.toLocaleString('en-US')} checks over ${cases.length} task/record cases (${Math.round((best.allowed / N) * 100)}% allowed)`,
);
console.log(`runs: ${results.map((r) => `${r.ms.toFixed(0)} ms`).join(', ')}`);
console.log(
  `checks per second (best run): ${perSecond.toLocaleString('en-US')}  (${((best.ms * 1e6) / N).toFixed(0)} ns per check)`,
);
const pass = perSecond >= 1_000_000;
console.log(`target ≥ 1,000,000/s on one core: ${pass ? 'PASS' : 'FAIL'}`);
process.exitCode = pass ? 0 : 1;
