import type { OutputReport, OutputStatus } from '../protocol/messages';

/** Every output page that has connected, with what it last said it rendered. Disconnected ones stay listed. */
export function createOutputRegistry(onChange: (outputs: OutputStatus[]) => void) {
  const outputs = new Map<string, OutputStatus>();
  const list = () => [...outputs.values()];
  return {
    list,
    connected(connectionId: string, at: number) {
      outputs.set(connectionId, { connectionId, connected: true, connectedAt: at, lastReportAt: null, report: null });
    },
    reported(connectionId: string, report: OutputReport, at: number) {
      const status = outputs.get(connectionId);
      if (!status) return;
      outputs.set(connectionId, { ...status, report, lastReportAt: at });
      onChange(list());
    },
    disconnected(connectionId: string) {
      const status = outputs.get(connectionId);
      if (!status) return;
      // A page that never reported was a panel or a probe, not an output: forget it quietly.
      if (status.report === null) {
        outputs.delete(connectionId);
        return;
      }
      outputs.set(connectionId, { ...status, connected: false });
      onChange(list());
    },
    forgetDisconnected() {
      for (const [id, status] of outputs) if (!status.connected) outputs.delete(id);
      onChange(list());
    },
  };
}
export type OutputRegistry = ReturnType<typeof createOutputRegistry>;
