export * from './refer-to-kf';
