/** Which lab a student command is about, and which broker grades it: what several commands share. */
import { findLab, LABS, type Lab } from '../../labs/manifest.ts';
import { ToolError } from '../shared/connect.ts';
import { isDone, readProgress } from './progress.ts';

/** The lab named by `id` (e.g. 03), or the first one not done yet (in any language). */
export function chooseLab(id: string | undefined): Lab {
  if (id === undefined) {
    const progress = readProgress();
    return LABS.find((l) => !isDone(progress, l.dir)) ?? LABS[LABS.length - 1]!;
  }
  const lab = findLab(id);
  if (!lab) throw new ToolError(`no lab '${id}'; \`qlab list\` shows them`);
  return lab;
}

/** --broker for the commands that grade. */
export const brokerOption = {
  choices: ['sim', 'rabbitmq'] as const,
  default: 'sim' as const,
  describe: 'grade against a private broker-sim, or RabbitMQ (RABBITMQ_URL, or testcontainers with Docker)',
};
