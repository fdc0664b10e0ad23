/** Texts shown in many fields and errors, kept in one place so they read the same everywhere. */

/** n8n's wording for a dropdown that also takes an expression. */
export const EXPRESSION_LIST_HINT =
	'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/** Reveal Emails / Reveal Phones (v2 API) exist only on Lusha's Unified Credits plans. */
export const UNIFIED_CREDITS_ONLY = 'Unified Credits plans only: other plans get a 403.';

/** The 403 hint when a plan-gated reveal option was on. */
export const REVEAL_PLAN_HINT =
	'Reveal Emails and Reveal Phones need Lusha’s Unified Credits plan. Turn those options off, or ask Lusha to change the plan.';

/** Every delivered or returned signal is billed. */
export const SIGNALS_COST_CREDITS = 'Each signal type that returns results costs credits.';

/** The 403 hint of the Signals endpoints: Signals are an add-on to the plan. */
export const SIGNALS_PLAN_HINT = 'Signals are a Lusha add-on: this plan does not include them. Ask Lusha to enable the Signals API.';
