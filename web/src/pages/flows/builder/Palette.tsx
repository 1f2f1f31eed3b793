/**
 * "Add a step": one button per kind of step. A click adds it below the selected step; dragging it
 * onto the canvas puts it where it is dropped (the empty canvas and each tooltip say so). A flow has one trigger, so that button turns off
 * once there is one.
 */
import { Button, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NODE_TYPES, type NodeType } from './model/newNode.ts';
import { STEP_STYLE } from './stepStyle.ts';

export const STEP_MIME = 'application/x-cartback-step';

export function Palette({ onAdd, hasTrigger }: { onAdd: (type: NodeType) => void; hasTrigger: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder shadow="sm" p={6} radius="md" role="group" aria-labelledby="flow-palette-title" className="flow-palette">
      <Text id="flow-palette-title" size="xs" fw={600} c="dimmed" tt="uppercase" px={6} pt={2} pb={4}>
        {t('flow.palette.title')}
      </Text>
      <Stack gap={2}>
        {NODE_TYPES.map((type) => {
          const { icon: Icon, color } = STEP_STYLE[type];
          const off = type === 'trigger' && hasTrigger;
          return (
            <Tooltip key={type} label={off ? t('flow.palette.oneTrigger') : `${t(`flow.typeHelp.${type}`)} ${t('flow.palette.hint')}`} position="right" withArrow openDelay={400} multiline w={240}>
              <Button
                variant="subtle"
                color="dark"
                size="compact-sm"
                justify="flex-start"
                fw={500}
                disabled={off}
                draggable={!off}
                onDragStart={(e) => {
                  e.dataTransfer.setData(STEP_MIME, type);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onClick={() => onAdd(type)}
                leftSection={
                  <ThemeIcon size={20} radius="sm" variant="light" color={color} aria-hidden>
                    <Icon size={13} stroke={1.8} />
                  </ThemeIcon>
                }
              >
                {t(`flow.types.${type}`)}
              </Button>
            </Tooltip>
          );
        })}
      </Stack>
    </Paper>
  );
}
