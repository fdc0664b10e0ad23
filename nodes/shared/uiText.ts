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

/**
 * A key whose account has no API V3 access: every V3 call answers 403, while API v2 calls still work
 * (https://docs.lusha.com/tutorials/v3-migration-guide). The credential test and the transport's 403 hint say it alike.
 */
export const NO_V3_ACCESS =
	'This key has no access to Lusha API V3, which this node (version 2) uses. To fix it, ask your Lusha admin to enable API V3 for the account, or keep using a Lusha node saved as version 1 (Lusha API v2).';
