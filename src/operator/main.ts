import { connectToHub, hubSocketUrl } from '../client/hubConnection';
import { Command } from '../protocol/command';
import { describeIssues } from '../protocol/describeIssues';
import type { OutputStatus } from '../protocol/messages';
import { describeTemplateProblem, type TemplateProblem } from '../protocol/templates/templateSet';
import type { ShowState } from '../state/showState';

const token = new URLSearchParams(location.search).get('token');
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('namecard-form');
const formError = $('namecard-error');
const connectionBadge = $('connection');
let show: ShowState | null = null;

const connection = connectToHub({
  url: hubSocketUrl(location, token),
  events: {
    onSnapshot(state) {
      show = state;
      renderShow(state);
    },
    onStatus(status, role) {
      connectionBadge.dataset.status = status;
      connectionBadge.textContent =
        status === 'open' ? (role === 'operator' ? 'Connected' : 'Connected read-only: open the operator URL printed by npm start') : status === 'connecting' ? 'Connecting…' : 'Disconnected — retrying';
      for (const button of document.querySelectorAll<HTMLButtonElement>('button')) button.disabled = status !== 'open' || role !== 'operator';
    },
    onOutputs: renderOutputs,
    onTemplates: (_templates, version) => renderTemplateStatus(version, []),
    onTemplateProblems: (problems, version) => renderTemplateStatus(version, problems),
    onProblem: (message) => (formError.textContent = message),
  },
});

async function send(input: unknown) {
  const parsed = Command.safeParse(input);
  if (!parsed.success) {
    formError.textContent = describeIssues(parsed.error).replace(/^graphic\.props\./, '');
    return;
  }
  formError.textContent = '';
  const outcome = await connection.command(parsed.data, show?.revision);
  if (!outcome.ok) formError.textContent = outcome.error;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  void send({ type: 'take', graphic: { kind: 'nameCard', props: { name: data.get('name'), role: data.get('role') } } });
});
$('clear-lower-third').addEventListener('click', () => void send({ type: 'clear', layer: 'lowerThird' }));

function renderShow(state: ShowState) {
  $('show-name').textContent = `${state.name} · revision ${state.revision}`;
  const list = $('on-air');
  list.replaceChildren(
    ...Object.values(state.onAir).map((item) => {
      const li = document.createElement('li');
      const props = item.graphic.props as { name?: string; role?: string };
      li.textContent = `${item.layer}: ${item.graphic.kind} — ${[props.name, props.role].filter(Boolean).join(', ')}`;
      return li;
    }),
  );
  if (list.children.length === 0) list.append(muted('Nothing on air'));
}

function renderOutputs(outputs: OutputStatus[]) {
  const list = $('outputs');
  list.replaceChildren(
    ...outputs.map((output) => {
      const li = document.createElement('li');
      const report = output.report;
      const behind = report !== null && show !== null && report.revision < show.revision;
      li.dataset.state = !output.connected ? 'down' : behind || !report ? 'warn' : 'ok';
      li.textContent = report
        ? `${output.connected ? '' : 'DISCONNECTED · '}${report.width}x${report.height} ${report.renderer} · revision ${report.revision}${behind ? ' (behind)' : ''} · ${Math.round(report.fps)} fps`
        : 'connected, not drawn yet';
      return li;
    }),
  );
  if (outputs.length === 0) list.append(muted('No output connected'));
}

function muted(text: string) {
  const li = document.createElement('li');
  li.className = 'muted';
  li.textContent = text;
  return li;
}

/** The templates on air, and what is wrong with the files on disk (air keeps the last good version). */
function renderTemplateStatus(version: number, problems: TemplateProblem[]) {
  $('templates-status').textContent = problems.length === 0 ? `Version ${version} on air; the files are valid` : `Version ${version} stays on air: the template files have problems`;
  $('template-problems').replaceChildren(
    ...problems.map((problem) => {
      const li = document.createElement('li');
      li.textContent = describeTemplateProblem(problem);
      return li;
    }),
  );
}
