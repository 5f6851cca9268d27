import { Regex, type SomeCompanionConfigField } from '@companion-module/base';

export type ModuleConfig = { host: string; port: number };
export type ModuleSecrets = { token?: string };

export const DEFAULT_PORT = 4380;

export function configFields(): SomeCompanionConfigField[] {
  return [
    { type: 'textinput', id: 'host', label: 'Hub address (the machine running npm start)', width: 8, default: '127.0.0.1', regex: Regex.HOSTNAME },
    { type: 'number', id: 'port', label: 'Hub port', width: 4, default: DEFAULT_PORT, min: 1, max: 65535 },
    { type: 'secret-text', id: 'token', label: 'Operator token (printed by npm start; without it buttons show state but actions are refused)', width: 12, default: '' },
  ];
}

/** The hub's WebSocket URL for this config, or a sentence saying what is wrong with the config. */
export function hubSocketUrl(config: Partial<ModuleConfig> | undefined, secrets: ModuleSecrets | undefined): { url: string; where: string } | string {
  const host = String(config?.host ?? '').trim();
  const port = Number(config?.port ?? DEFAULT_PORT);
  if (!host) return 'Set the hub address in the connection settings';
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `The hub port must be a number from 1 to 65535, not ${JSON.stringify(config?.port)}`;
  let url: URL;
  try {
    url = new URL(`ws://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}/ws`);
  } catch {
    return `"${host}" is not a host name or IP address`;
  }
  const token = secrets?.token?.trim();
  if (token) url.searchParams.set('token', token);
  return { url: url.href, where: `${url.hostname}:${port}` };
}
