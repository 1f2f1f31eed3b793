/**
 * Everything the server found wrong with the source, as a list beside the markers in the editors:
 * problems without a line (a missing subject) only show here, and each line is a button that
 * takes the cursor there. role="alert" announces a new list to screen readers once.
 */
import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TemplateProblem } from '../../api/templates.ts';
import { partOf } from './SourceTabs.tsx';

export function ProblemList({ problems, refused, onJump }: { problems: TemplateProblem[]; refused: boolean; onJump: (p: TemplateProblem) => void }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title={refused ? t('template.problems.refused') : t('template.problems.title', { count: problems.length })} role="alert" data-testid="template-problems">
      <List size="sm" spacing={6}>
        {problems.map((p, i) => (
          <List.Item key={`${i}:${p.message}`}>
            <Text size="sm" span c="dimmed" mr={6}>
              {t(partOf(p) === 'text' ? 'template.tabs.text' : 'template.tabs.mjml')}
              {p.line !== undefined && (
                <>
                  {' · '}
                  <Anchor component="button" type="button" size="sm" onClick={() => onJump(p)} aria-label={t('template.problems.goTo', { line: p.line })}>
                    {t('template.problems.line', { line: p.line })}
                  </Anchor>
                </>
              )}
            </Text>
            <Text size="sm" span ff="monospace" style={{ wordBreak: 'break-word' }}>
              {p.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
