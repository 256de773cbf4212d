// A stand-in for createAppServices: records the options main passes and what main does with the services.
import type { AppServicesOptions } from '../../services/app-services';

type Listener = (name: string, payload: unknown) => void;

export const servicesLog = {
  options: null as AppServicesOptions | null,
  approved: [] as string[],
  closed: 0,
  listeners: [] as Listener[],
};

export async function createAppServices(options: AppServicesOptions) {
  servicesLog.options = options;
  return {
    handlers: { appInfo: async () => ({ version: options.version, host: options.host }) },
    events: { subscribe: (l: Listener) => (servicesLog.listeners.push(l), () => undefined) },
    access: { approve: (p: string) => void servicesLog.approved.push(p) },
    paths: {},
    demoDataDone: Promise.resolve(),
    close: async () => void servicesLog.closed++,
  };
}

(globalThis as Record<string, unknown>).__twinFakeServices = servicesLog;
