import type { components } from '../api/schema';

export type Package = components['schemas']['Account']['package'];

/** The OpenAMS packages (editions) an account can be on, as shown to people. */
export const PACKAGE_LABELS: Record<Package, string> = {
  enhanced_records: 'Enhanced Records',
  accelerate: 'Accelerate',
  elevate: 'Elevate',
  scale: 'Scale',
};

export const PACKAGE_OPTIONS = (Object.keys(PACKAGE_LABELS) as Package[]).map((value) => ({
  value,
  label: PACKAGE_LABELS[value],
}));
