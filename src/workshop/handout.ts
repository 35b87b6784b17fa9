import { basename } from 'node:path';

/** One task as a seat's handout shows it: the brief already speaks of the seat's namespace. */
export interface HandoutTask {
  id: string;
  title: string;
  namespace: string;
  brief: string;
}

export interface HandoutInput {
  workshop: string;
  seat: string;
  /** The seat's kubeconfig as handed out (only its file name is printed: the learner has it beside the handout). */
  kubeconfig: string;
  endsAt: string;
  tasks: HandoutTask[];
}

/**
 * One page per seat, in markdown and in HTML (self-contained, no scripts):
 * how to use the kubeconfig, what the seat may do, the tasks with their
 * briefs, and the deadline. Nothing secret: the token stays in the
 * kubeconfig file.
 */
export function handout(input: HandoutInput): { markdown: string; html: string } {
  const file = basename(input.kubeconfig);
  const ends = endsText(input.endsAt);
  const namespaces = input.tasks.map((t) => t.namespace);
  const setup = [
    `export KUBECONFIG=$PWD/${file}`,
    'kubectl config view --minify -o jsonpath=\'{..namespace}\'; echo   # your first task\'s namespace',
    `kubectl get pods -n ${input.tasks[0]?.namespace ?? '<namespace>'}`,
  ];
  const rules = [
    `You may change anything inside your namespace${namespaces.length > 1 ? 's' : ''} ${namespaces.join(', ')}; outside ${namespaces.length > 1 ? 'them' : 'it'}, only PriorityClasses named ${input.seat}-… (never a global default).`,
    'Pods run under PodSecurity baseline (no privileged containers, no host paths), at most 1Gi of memory per container.',
    `Your instructor grades the room live; there is nothing to submit. Hints come from your instructor. With kubedrill installed, \`kubedrill check --seat ${file}\` shows how your tasks stand (a look, recorded nowhere).`,
    `Your credentials stop working 10 minutes after the end (${ends}).`,
  ];
  const markdown = [
    `# ${input.workshop}: ${input.seat}`,
    '',
    `Ends ${ends}. ${input.tasks.length} task${input.tasks.length === 1 ? '' : 's'}.`,
    '',
    '## Connect',
    '',
    `Your kubeconfig is \`${file}\`. In a terminal, in the folder that holds it:`,
    '',
    '```sh',
    ...setup,
    '```',
    '',
    ...rules.map((r) => `- ${r}`),
    '',
    ...input.tasks.flatMap((t, i) => [`## Task ${i + 1}: ${t.title}`, '', `Namespace \`${t.namespace}\` (scenario ${t.id}).`, '', ...t.brief.trimEnd().split('\n').map((l) => (l ? `    ${l}` : '')), '']),
  ].join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(`${input.workshop}: ${input.seat}`)}</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#111}pre{background:#f4f4f4;padding:.75rem;overflow-x:auto;white-space:pre-wrap}code{background:#f4f4f4;padding:0 .2rem}h1{margin-bottom:0}.ends{font-weight:600}@media print{pre{white-space:pre-wrap}}</style>',
    '</head><body>',
    `<h1>${escape(input.workshop)}: ${escape(input.seat)}</h1>`,
    `<p class="ends">Ends ${escape(ends)}. ${input.tasks.length} task${input.tasks.length === 1 ? '' : 's'}.</p>`,
    '<h2>Connect</h2>',
    `<p>Your kubeconfig is <code>${escape(file)}</code>. In a terminal, in the folder that holds it:</p>`,
    `<pre>${escape(setup.join('\n'))}</pre>`,
    `<ul>${rules.map((r) => `<li>${escape(r)}</li>`).join('')}</ul>`,
    ...input.tasks.map((t, i) => `<h2>Task ${i + 1}: ${escape(t.title)}</h2><p>Namespace <code>${escape(t.namespace)}</code> (scenario ${escape(t.id)}).</p><pre>${escape(t.brief.trimEnd())}</pre>`),
    '</body></html>',
    '',
  ].join('\n');
  return { markdown, html };
}

/** The end in UTC, to the minute: a room shares one clock only if the handout says which. */
function endsText(iso: string): string {
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
