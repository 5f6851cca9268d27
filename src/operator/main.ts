import { connectToHub, hubSocketUrl, localNow } from '../client/hubConnection';
import { createHubList } from '../client/hubList';
import { createHubClock } from '../client/hubClock';
import { runFrameLoop } from '../render/frameLoop';
import { createLiveLook } from '../render/liveLook';
import { chooseRenderer, parseRendererRequest } from '../render/rendererChoice';
import { mountAirControls } from './airControls';
import { mountAutoOutCountdowns } from './autoOutCountdown';
import { mountCrawlEditor } from './crawlEditor/crawlEditor';
import { createCsvImportView } from './csvImportView';
import { keepFocusOff } from './element';
import { mountItemForm } from './form/itemForm';
import { mountHeaderBar } from './headerBar';
import { createHelpOverlay } from './helpOverlay';
import { bindHotkeys, confirmDelete } from './hotkeyBinding';
import { mountMonitors, type MonitorName } from './monitors';
import { mountOutputsView } from './outputsView';
import { createPanelActions } from './panelActions';
import { rememberPanel } from './panelMemory';
import { createPanelStore } from './panelStore';
import { createRaceActions } from './raceControl/raceActions';
import { createRacesEditor } from './racesEditor/racesEditor';
import { mountRaceControl } from './raceControl/raceControlView';
import { mountRaceDataView } from './raceData/raceDataView';
import { postStartListWith } from './raceData/startListImport';
import { mountRundownList } from './rundownList';
import { mountRundownSearch } from './rundownSearch';
import { createShowFilesView } from './showFilesView';
import { createAsRunView } from './asRunView';
import { mountTemplatesView } from './templatesView';

/** Test hook: with ?clock=manual the monitors draw only when told, at exactly the hub time given. */
declare global {
  interface Window {
    finishlinePanel?: {
      renderer(): string;
      revision(): number | null;
      renderAt(t: number): void;
      monitorPng(which: MonitorName, rect: { x: number; y: number; width: number; height: number }): string;
    };
  }
}

const params = new URLSearchParams(location.search);
const token = params.get('token');
const manualClock = params.get('clock') === 'manual';
const $ = (id: string) => document.getElementById(id)!;

const store = createPanelStore();
const memory = rememberPanel(store, params.get('panel') ?? 'panel', { editor: $('editor'), races: $('races'), crawl: $('crawl-editor'), entrants: $('race-data') });
const clock = createHubClock();
const look = createLiveLook({ onProblem: (text) => store.setState({ notice: { text, tone: 'error' } }) });
const hubs = createHubList(location.host, params.get('hubs'));
const connection = connectToHub({
  url: () => hubSocketUrl(location, token, undefined, hubs.current()),
  hubs,
  events: {
    onSnapshot(show, hubTime) {
      const previous = store.getState().show;
      if (previous === null) clock.setOffset(hubTime - localNow());
      const { cueId } = store.getState();
      const cueGone = cueId !== null && !show.rundown.some((item) => item.id === cueId);
      look.setTheme(show.theme);
      store.setState({ show, ...(cueGone ? { cueId: null } : {}), ...memory.placeIn(show, previous) });
    },
    onStatus(status, role, hub, name) {
      // A refusal's reason stays until the panel connects: the retries that follow are refused alike.
      const { refused } = store.getState().connection;
      store.setState({ connection: { status, role, ...(name ? { name } : {}), ...(hub ? { hub } : {}), ...(refused && status !== 'open' ? { refused } : {}) } });
    },
    onRefused(message) {
      const { refused, ...connection } = store.getState().connection;
      store.setState({ connection: { ...connection, ...(message ? { refused: message } : {}) } });
    },
    onOutputs: (outputs) => store.setState({ outputs }),
    onTemplates(library, version) {
      look.setLibrary(library, version);
      store.setState({ templates: { version, problems: [] } });
    },
    onTemplateProblems: (problems, version) => store.setState({ templates: { version, problems } }),
    onClockOffset: (offset) => clock.setOffset(offset),
    onProblem: (text) => store.setState({ notice: { text, tone: 'error' } }),
  },
});
const actions = createPanelActions(store, connection);
const races = createRaceActions(store, actions);

const help = createHelpOverlay();
const files = createShowFilesView(store, token);
const importer = createCsvImportView(actions);
const racesEditor = createRacesEditor(store, actions, memory.racesEditorDraft);
memory.watchRacesEditor(racesEditor.dialog);
const asRun = createAsRunView();
mountHeaderBar($('bar'), store, actions, { files: () => void files.open(), importCsv: () => importer.open(), races: () => racesEditor.open(), asRun: () => void asRun.open(), help: () => help.toggle(), templates: () => templatesView.reveal() });
mountRundownList($('rundown'), store, actions, (item) => void confirmDelete(actions, item));
const countdowns = mountAutoOutCountdowns($('rundown'), store);
const search = mountRundownSearch($('rundown'), store, actions);
mountItemForm($('editor'), store, actions);
mountAirControls($('air-controls'), store, actions);
const raceControl = mountRaceControl($('races'), store, races, () => clock.now());
mountCrawlEditor($('crawl-editor'), store, actions, memory.crawlDraft);
const raceData = mountRaceDataView($('race-data'), store, actions, races, memory.entrantDraft, postStartListWith(token));
mountOutputsView($('outputs'), store, () => clock.now(), (id, name) => connection.nameOutput(id, name));
const templatesView = mountTemplatesView($('templates'), store);
bindHotkeys(actions, {
  toggleHelp: () => help.toggle(),
  toggleBigPreview: (open) => store.setState({ pvwLarge: open ?? !store.getState().pvwLarge }),
  openRaces: () => racesEditor.open(),
  find: () => search.focus(),
  findEntrant: () => raceData.focusEntrants(),
  jumpGroup: (by) => search.jumpGroup(by),
  races,
  raceControl,
});
keepFocusOff(document.body);

async function startMonitors() {
  // ?renderer= fixes the monitors' renderer; otherwise they follow the outputs (canvas until one reports).
  const forced = params.get('renderer');
  const choice = await chooseRenderer(forced === null ? 'canvas' : parseRendererRequest(forced));
  const monitors = await mountMonitors($('monitors'), store, look, choice);
  if (forced === null) {
    store.subscribe((state) => {
      const kind = state.outputs.find((o) => o.connected && o.report)?.report?.renderer;
      if (kind) monitors.follow(kind);
    });
  }
  window.finishlinePanel = {
    renderer: () => monitors.renderer(),
    revision: () => store.getState().show?.revision ?? null,
    renderAt(t) {
      monitors.frame(t);
      raceControl.frame(t);
      countdowns.frame(t);
    },
    monitorPng: (which, rect) => monitors.png(which, rect),
  };
  document.documentElement.dataset.monitors = 'ready';
  // Monitors follow the panel's display; 60 only sets what counts as a late frame.
  if (!manualClock) runFrameLoop(() => monitors.frame(clock.now()), 60);
}

// Race clocks run whether or not the monitors start; with ?clock=manual they show the time given to renderAt.
if (!manualClock) {
  runFrameLoop(() => {
    const t = clock.now();
    raceControl.frame(t);
    countdowns.frame(t);
  }, 60);
}

startMonitors().catch((error: Error) => {
  console.error(error);
  $('monitors').textContent = `The monitors could not start: ${error.message}`;
});
