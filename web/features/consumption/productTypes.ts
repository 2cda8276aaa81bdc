import type { z } from 'zod';
import type { objection, opinion, step } from '../../../src/modules/products/products.contract.ts';

export type Opinion = z.infer<typeof opinion>;
export type Objection = z.infer<typeof objection>;
export type ProductStep = z.infer<typeof step>;

/** The workflow steps taken through POST /products/:id/steps (each with its own modal fields). */
export const STEP_MODAL_ACTIONS = ['decide', 'start_notice', 'certify', 'annual_review', 'delist', 'relist', 'revoke'] as const;
export type StepModalAction = (typeof STEP_MODAL_ACTIONS)[number];
export const isStepModalAction = (a: string): a is StepModalAction => (STEP_MODAL_ACTIONS as readonly string[]).includes(a);
