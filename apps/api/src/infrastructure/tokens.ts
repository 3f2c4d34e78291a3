/** Injection tokens of the ports every module may use. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const REDIS = Symbol('REDIS');
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
