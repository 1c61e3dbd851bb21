/**
 * The personalization engine: which offer fits this shopper now, learnt from every reaction.
 * <p>
 * Entry points: {@link dev.parley.offers.OfferEngine} (decide, recordReward, recordEvents, detectLifeEvent,
 * recover, eligibility) for Java callers such as the dialogue; HTTP under /api/events, /api/offers,
 * /api/profiles, /api/pricing, /api/reminders ({@code offers.web}); the CLI {@code parley offers ...}.
 * <p>
 * Follow one decision: {@code OfferEngine.decide} resolves the context ({@code profile.ProfileFacts}: affinities,
 * segment, journey stage, life events; weather from {@code triggers.WeatherSource}), filters the offer catalogue
 * ({@code offer.OfferBook}) through the hard rules ({@code decision.Eligibility}), ranks the rest
 * ({@code decision.OfferRanker}: LinUCB scores over {@code decision.OfferFeatures}, epsilon-greedy exploration
 * with exact propensities, segment popularity for unknown shoppers), logs every shown offer
 * ({@code decision.DecisionLogWriter}) and learns from the outcome ({@code DecisionOutcomes}, state kept across
 * restarts by {@code BanditMemory}). Prices come from {@code pricing.DemandPricing}, the same for every shopper.
 */
package dev.parley.offers;
