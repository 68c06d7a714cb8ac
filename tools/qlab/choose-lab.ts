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

/** The lab to do after `lab`: the next one in the course not done yet, else any not done; undefined when all are. */
export function nextLab(lab: Lab, progress = readProgress()): Lab | undefined {
  const at = LABS.indexOf(lab);
  const order = [...LABS.slice(at + 1), ...LABS.slice(0, at)];
  return order.find((l) => !isDone(progress, l.dir));
}

/** What verify says once a lab passes: the next lab by the course's order, or that every lab is done. */
export function nextStep(lab: Lab, progress = readProgress()): string {
  const next = nextLab(lab, progress);
  if (!next) return `Lab ${lab.id} is done, and so is every lab of the course.`;
  return `Lab ${lab.id} is done. Next: lab ${next.id}, ${next.title} (labs/${next.dir}/README.md); \`qlab verify ${next.id}\` when you have worked on it.`;
}

/** --broker for the commands that grade. */
export const brokerOption = {
  choices: ['sim', 'rabbitmq'] as const,
  default: 'sim' as const,
  describe: 'grade against a private broker-sim, or RabbitMQ (RABBITMQ_URL, or testcontainers with Docker)',
};
