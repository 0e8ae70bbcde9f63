import { z } from 'zod';
import { pendingTeamSchema, teamApprovedSchema } from '../../src/protocol';
import type { Database } from '../db/database';
import { approveTeam, pendingTeams } from '../services/teamApproval';
import { sendError } from './errors';
import { refusals, route } from './table';

/** Teams waiting for a commune's approval, and approving one (see services/teamApproval.ts). */
export function teamApprovalTable(db: Database) {
  return [
    route({
      method: 'GET',
      url: '/api/officials/pending-teams',
      summary: "Teams waiting for approval in the caller's communes",
      who: 'account',
      schemas: { response: { 200: z.array(pendingTeamSchema) } },
      handler: async ({ reply, caller }) => reply.send(await pendingTeams(db, caller)),
    }),
    route({
      method: 'POST',
      url: '/api/orgs/:id/approve',
      summary: "Approve a team, so its visits count in its commune's figures",
      who: 'account',
      schemas: {
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: teamApprovedSchema, ...refusals('not_found', 'conflict') },
      },
      handler: async ({ reply, caller, params }) => {
        const outcome = await approveTeam(db, caller, params.id);
        if (outcome.ok) return reply.send(outcome.value);
        const words = {
          forbidden: 'Not allowed',
          not_found: 'No such team',
          conflict: 'Approved already',
        };
        return sendError(reply, outcome.code, words[outcome.code]);
      },
    }),
  ];
}
