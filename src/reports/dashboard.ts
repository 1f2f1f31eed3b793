/**
 * The dashboard of one store for a period: headline figures, the lift over the holdout group with
 * its 95% interval, the recovery funnel, a per-day series, the per-flow and per-step tables, and
 * the revenue estimate "monthly abandoned carts × recovery rate × average cart value" from the
 * store's own figures. Money is in minor units of the store currency.
 */
import type { Kysely } from 'kysely';
import { toMinor } from '../kernel/money.ts';
import { differenceInterval } from '../kernel/proportions.ts';
import type { Store } from '../store/queries/stores.ts';
import type { DB } from '../store/schema.ts';
import { dailySeries } from './daily.ts';
import { recoveryFunnel } from './funnel.ts';
import { storeStats } from './stats.ts';

const DAY = 86_400_000;
const rate = (n: number, d: number) => (d > 0 ? n / d : null);

export async function storeDashboard(db: Kysely<DB>, store: Store, from: number, to: number) {
  const [stats, funnel, series] = await Promise.all([
    storeStats(db, store, from, to),
    recoveryFunnel(db, store.id, from, to),
    dailySeries(db, store.id, from, to, store.settings.timezone),
  ]);
  const t = stats.totals;
  const opened = stats.flows.reduce((a, f) => a + f.opened, 0);
  const clicked = stats.flows.reduce((a, f) => a + f.clicked, 0);
  const perMessage = store.settings.costPerMessage;
  const cost = perMessage === null ? null : t.messagesSent * toMinor(perMessage, store.settings.currency);

  // The lift pools every flow's treated and holdout groups: the store-wide effect of messaging.
  const treated = { successes: 0, trials: 0, revenue: 0 };
  const holdout = { successes: 0, trials: 0, revenue: 0 };
  for (const f of stats.flows) {
    treated.successes += f.treated.converted; treated.trials += f.treated.entered; treated.revenue += f.treated.revenue;
    holdout.successes += f.holdout.converted; holdout.trials += f.holdout.entered; holdout.revenue += f.holdout.revenue;
  }
  const tr = rate(treated.successes, treated.trials);
  const hr = rate(holdout.successes, holdout.trials);
  const ci = differenceInterval(treated, holdout);
  const lift = tr === null || hr === null ? null : {
    treated: { entered: treated.trials, converted: treated.successes, rate: tr },
    holdout: { entered: holdout.trials, converted: holdout.successes, rate: hr },
    absolute: tr - hr,
    relative: hr > 0 ? (tr - hr) / hr : null,
    ci95: ci && { low: ci.low, high: ci.high },
    /** the interval excludes zero: the messages made a difference at the 95% level */
    significant: ci !== null && (ci.low > 0 || ci.high < 0),
    incrementalRevenue: Math.round((treated.revenue / treated.trials - holdout.revenue / holdout.trials) * treated.trials),
  };

  const days = (to - from) / DAY;
  const cartRecovery = rate(funnel.recovered, funnel.abandoned);
  const averageCartValue = funnel.abandoned ? Math.round(funnel.abandonedValue / funnel.abandoned) : null;
  const monthlyAbandoned = Math.round((funnel.abandoned * 30) / days);
  return {
    storeId: store.id, from: stats.from, to: stats.to, currency: store.settings.currency, timezone: store.settings.timezone,
    kpis: {
      abandonedCarts: stats.abandonedCarts, reachableCarts: stats.reachableCarts, reachableShare: rate(stats.reachableCarts, stats.abandonedCarts),
      messagesSent: t.messagesSent, opened, clicked, openRate: rate(opened, t.messagesSent), clickRate: rate(clicked, t.messagesSent),
      recoveredOrders: t.recoveredOrders, recoveredRevenue: t.recoveredRevenue, recoveryRate: t.recoveryRate,
      revenuePerMessage: t.messagesSent ? t.recoveredRevenue / t.messagesSent : null,
      cost, roi: cost ? (t.recoveredRevenue - cost) / cost : null,
    },
    lift,
    funnel,
    series,
    estimator: {
      monthlyAbandoned, recoveryRate: cartRecovery, averageCartValue,
      monthlyRecovered: cartRecovery === null || averageCartValue === null ? null : Math.round(monthlyAbandoned * cartRecovery * averageCartValue),
    },
    flows: stats.flows,
  };
}
