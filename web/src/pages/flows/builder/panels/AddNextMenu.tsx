/**
 * "Add the next step": adds a step below this one and links it from the chosen way out in one go,
 * the quickest way to build a sequence from the keyboard.
 */
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '../../../../api/flows.ts';
import { portsOf, targetOf, type Port } from '../model/graph.ts';
import { NODE_TYPES, type NodeType } from '../model/newNode.ts';
import { STEP_STYLE } from '../stepStyle.ts';

export function AddNextMenu({ step, onAdd }: { step: FlowNode; onAdd: (type: NodeType, port: Port) => void }) {
  const { t } = useTranslation();
  const free = portsOf(step).filter((p) => targetOf(step, p) === null);
  if (free.length === 0) return null;
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {t('flow.panel.addNext')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {free.map((port) => (
          <div key={port}>
            {port !== 'next' && <Menu.Label>{t(`flow.panel.link.${port}`)}</Menu.Label>}
            {NODE_TYPES.filter((type) => type !== 'trigger').map((type) => {
              const Icon = STEP_STYLE[type].icon;
              return (
                <Menu.Item key={type} leftSection={<Icon size={16} aria-hidden />} onClick={() => onAdd(type, port)}>
                  {port === 'next' ? t(`flow.types.${type}`) : t('flow.panel.addOn', { type: t(`flow.types.${type}`), branch: t(`flow.canvas.${port}`) })}
                </Menu.Item>
              );
            })}
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
