/**
 * "Monthly abandoned carts × recovery rate × average cart value": the revenue recovery brings in a
 * month. The three inputs start at the store's own figures for the period (the rate here is per
 * abandoned cart, not per shopper messaged) and can be changed to see the estimate move at once.
 */
import { Button, Card, Group, NumberInput, SimpleGrid, Text, Title } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/reports.ts';
import { formatMoney, minorDigits } from '../../format.ts';
import { currencySymbol } from './currencySymbol.ts';

interface Inputs { carts: number | string; ratePct: number | string; average: number | string }

function fromStore(e: Dashboard['estimator'], currency: string): Inputs {
  return {
    carts: e.monthlyAbandoned,
    ratePct: e.recoveryRate === null ? '' : Math.round(e.recoveryRate * 1000) / 10,
    average: e.averageCartValue === null ? '' : e.averageCartValue / 10 ** minorDigits(currency),
  };
}

export function EstimatorCard({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const start = fromStore(data.estimator, data.currency);
  // Keyed by the period in the parent: a new period starts from its own figures again.
  const [v, setV] = useState<Inputs>(start);
  const digits = minorDigits(data.currency);
  const ready = [v.carts, v.ratePct, v.average].every((x) => typeof x === 'number');
  const monthly = ready ? Math.round((v.carts as number) * ((v.ratePct as number) / 100) * (v.average as number) * 10 ** digits) : null;
  const changed = v.carts !== start.carts || v.ratePct !== start.ratePct || v.average !== start.average;
  const symbol = currencySymbol(data.currency);

  return (
    <Card component="section" aria-labelledby="estimator-title">
      <Title order={2} id="estimator-title" mb={4}>
        {t('dashboard.estimator.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('dashboard.estimator.description')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" style={{ alignItems: "end" }}>
        <NumberInput label={t('dashboard.estimator.carts')} value={v.carts} onChange={(x) => setV({ ...v, carts: x })} min={0} allowDecimal={false} thousandSeparator />
        <NumberInput label={t('dashboard.estimator.rate')} value={v.ratePct} onChange={(x) => setV({ ...v, ratePct: x })} min={0} max={100} decimalScale={1} suffix="%" />
        <NumberInput label={t('dashboard.estimator.average')} value={v.average} onChange={(x) => setV({ ...v, average: x })} min={0} decimalScale={digits} prefix={symbol} thousandSeparator />
      </SimpleGrid>
      <Group justify="space-between" align="flex-end" mt="lg" gap="md">
        <div aria-live="polite">
          <Text size="sm" c="dimmed">
            {t('dashboard.estimator.result')}
          </Text>
          <Text fz={28} fw={700} c="jade.8" data-testid="estimate" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {monthly === null ? '—' : formatMoney(monthly, data.currency)}
          </Text>
          {monthly !== null && (
            <Text size="xs" c="dimmed">
              {t('dashboard.estimator.yearly', { value: formatMoney(monthly * 12, data.currency) })}
            </Text>
          )}
        </div>
        {changed && (
          <Button variant="default" leftSection={<IconRestore size={16} aria-hidden />} onClick={() => setV(start)}>
            {t('dashboard.estimator.reset')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
