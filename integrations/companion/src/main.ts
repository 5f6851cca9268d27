import { InstanceBase, InstanceStatus, runEntrypoint, type CompanionOptionValues, type SomeCompanionConfigField } from '@companion-module/base';
import WebSocket from 'ws';
import { connectToHub, localNow, type HubConnection } from '../../../src/client/hubConnection';
import { droppedTracker } from '../../../src/operator/outputHealth';
import { actionDefinitions, planAction } from './actions';
import { configFields, hubSocketUrl, type ModuleConfig, type ModuleSecrets } from './config';
import { feedbackActive, feedbackDefinitions } from './feedbacks';
import { emptyView, hubTimeAt, moduleStatus, type ModuleView } from './moduleView';
import { presetDefinitions } from './presets';
import { changedValues, variableDefinitions, variableValues } from './variables';
import { definitionsKey } from './definitionsKey';

/**
 * Finishline in Bitfocus Companion: a thin wrapper that keeps a WebSocket to the hub (state is pushed; it
 * reconnects by itself), holds the module's view of the show, and hands every action, feedback, variable and
 * preset to the pure functions beside it.
 */
class FinishlineInstance extends InstanceBase<ModuleConfig, ModuleSecrets> {
  private view: ModuleView = emptyView();
  private hub: HubConnection | null = null;
  private where = '';
  private definedFor: string | null = null;
  private sent = new Map<string, unknown>();
  private clock: ReturnType<typeof setTimeout> | undefined;
  private disarm: ReturnType<typeof setTimeout> | undefined;
  private dropped = droppedTracker();
  /** Counts connections, so a closed one's last events (its close arrives after a new one opened) change nothing. */
  private generation = 0;
  /** Whether a ping round trip has measured the clock offset yet (better than a snapshot's guess). */
  private offsetMeasured = false;

  override async init(config: ModuleConfig, _isFirstInit: boolean, secrets: ModuleSecrets): Promise<void> {
    this.connect(config, secrets);
  }

  override async configUpdated(config: ModuleConfig, secrets: ModuleSecrets): Promise<void> {
    this.disconnect();
    this.connect(config, secrets);
  }

  override async destroy(): Promise<void> {
    this.disconnect();
  }

  override getConfigFields(): SomeCompanionConfigField[] {
    return configFields();
  }

  private connect(config: ModuleConfig, secrets: ModuleSecrets, tokenRefused?: string) {
    this.view = { ...emptyView(), ...(tokenRefused ? { tokenRefused } : {}) };
    this.offsetMeasured = false;
    this.define();
    const target = hubSocketUrl(config, secrets);
    if (typeof target === 'string') return this.updateStatus(InstanceStatus.BadConfig, target);
    this.where = target.where;
    const generation = ++this.generation;
    const current = <A extends unknown[]>(handle: (...args: A) => void) => (...args: A) => {
      if (generation === this.generation) handle(...args);
    };
    // The hub refuses a token it does not know (401, with a sentence): the buttons then show the show read-only, without it.
    const refused = current((error: string) => {
      this.log('warn', `The hub refused the token: ${error}`);
      this.disconnect();
      this.connect(config, { ...secrets, token: '' }, error);
    });
    class HubSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols);
        this.on('unexpected-response', (_request, response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk));
          response.on('end', () => {
            // Connecting again without the token first: the close that follows then retries nothing.
            if (response.statusCode === 401) refused(errorOf(body) ?? 'the token is not known');
            this.terminate();
          });
        });
      }
    }
    this.hub = connectToHub({
      url: target.url,
      WebSocket: HubSocket as unknown as typeof globalThis.WebSocket,
      events: {
        onSnapshot: current((show, hubTime) => {
          const revisionSince = show.revision !== this.view.show?.revision ? hubTime : this.view.revisionSince;
          // Until a ping round trip gives a better offset, the snapshot's hub time is the best guess.
          const offsetMs = this.offsetMeasured ? this.view.offsetMs : hubTime - localNow();
          this.change({ show, revisionSince, offsetMs });
        }),
        onStatus: current((connection, role) => this.change({ connection, role, wasOpen: this.view.wasOpen || connection === 'open' })),
        onOutputs: current((outputs) => this.change({ outputs })),
        onClockOffset: current((offsetMs) => {
          this.offsetMeasured = true;
          this.view = { ...this.view, offsetMs };
        }),
        onProblem: current((message) => this.log('warn', message)),
      },
    });
    this.tick();
  }

  private disconnect() {
    this.generation++;
    this.hub?.close();
    this.hub = null;
    clearTimeout(this.clock);
    clearTimeout(this.disarm);
  }

  /** Applies a change to the view, then brings definitions, feedbacks, variables and status up to date. */
  private change(change: Partial<ModuleView>) {
    this.view = { ...this.view, ...change };
    const { status, message } = moduleStatus(this.view, this.where);
    this.updateStatus(status as InstanceStatus, message);
    if (definitionsKey(this.view.show) !== this.definedFor) this.define();
    this.checkFeedbacks();
    this.publishVariables();
  }

  /** Action dropdowns, variables and presets list the show's items and races: set again when those change. */
  private define() {
    this.definedFor = definitionsKey(this.view.show);
    this.setActionDefinitions(actionDefinitions(this.view, (actionId, options) => this.run(actionId, options)));
    this.setFeedbackDefinitions(
      feedbackDefinitions(this.view, (feedbackId, options) => feedbackActive(feedbackId, options, this.view, this.hubTime(), localNow(), (id) => this.droppedLately(id))),
    );
    this.setVariableDefinitions(variableDefinitions(this.view));
    this.setPresetDefinitions(presetDefinitions(this.view, this.label));
    this.sent.clear();
    this.publishVariables();
  }

  private hubTime() {
    return hubTimeAt(this.view, localNow());
  }

  private droppedLately(connectionId: string) {
    const output = this.view.outputs.find((o) => o.connectionId === connectionId);
    return output ? this.dropped.lately(output, this.hubTime()) : 0;
  }

  private publishVariables() {
    const changed = changedValues(variableValues(this.view, this.hubTime(), (id) => this.droppedLately(id)), this.sent);
    if (Object.keys(changed).length === 0) return;
    for (const [id, value] of Object.entries(changed)) this.sent.set(id, value);
    this.setVariableValues(changed);
  }

  /** Race clocks move every second of hub time: recompute just after each one begins. */
  private tick() {
    this.publishVariables();
    const hubTime = this.hubTime();
    this.clock = setTimeout(() => this.tick(), 1000 - (((hubTime % 1000) + 1000) % 1000) + 5);
  }

  /** Carries out a press; a refusal (the module's or the hub's) fails the action in Companion with the reason. */
  private async run(actionId: string, options: CompanionOptionValues): Promise<void> {
    const plan = planAction(actionId, options, this.view, localNow());
    if (plan.kind === 'refuse') {
      this.log('warn', plan.error);
      throw new Error(plan.error);
    }
    if (plan.change) this.change(plan.change);
    if (plan.kind === 'local') {
      this.log('info', plan.done);
      if (plan.change.clearAllArmedUntil) {
        clearTimeout(this.disarm);
        this.disarm = setTimeout(() => this.change({ clearAllArmedUntil: null }), plan.change.clearAllArmedUntil - localNow() + 10);
      }
      return;
    }
    for (const command of plan.commands) {
      const outcome = this.hub ? await this.hub.command(command) : { ok: false as const, error: 'Not connected to the hub; nothing was sent' };
      if (!outcome.ok) {
        this.log('warn', outcome.error);
        throw new Error(outcome.error);
      }
    }
    this.log('info', plan.done);
  }
}

runEntrypoint(FinishlineInstance, []);

/** The sentence in a refusal's JSON body (`{ "error": "…" }`), if it has one. */
function errorOf(body: string): string | null {
  try {
    const error = (JSON.parse(body) as { error?: unknown }).error;
    return typeof error === 'string' ? error : null;
  } catch {
    return null;
  }
}
