import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Radio, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { markOption, MAX_OPTIONS, type TOptionRow, type TQuestionType } from './question-form';

/**
 * A choice question's options as rows: letter, text, and the mark of the right one (a radio for
 * single choice, checkboxes for multiple); add up to eight, remove down to two. An antd form control.
 * @param props.value the option rows
 * @param props.onChange called with the new rows
 * @param props.type single or multiple: how the right mark behaves
 */
export function OptionRowsInput({ value = [], onChange, type }: { value?: TOptionRow[]; onChange?: (rows: TOptionRow[]) => void; type: TQuestionType }) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<TOptionRow>) => onChange?.(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Flex vertical gap={8} data-testid="teach-question-options">
      {value.map((row, index) => {
        const letter = String.fromCharCode(65 + index);
        const mark =
          type === 'single' ? (
            <Radio checked={row.isCorrect} onChange={() => onChange?.(markOption(value, index, type))}>
              <span data-testid={`teach-question-option-${index}-correct`}>{t('teach.questionDrawer.right')}</span>
            </Radio>
          ) : (
            <Checkbox checked={row.isCorrect} onChange={() => onChange?.(markOption(value, index, type))}>
              <span data-testid={`teach-question-option-${index}-correct`}>{t('teach.questionDrawer.right')}</span>
            </Checkbox>
          );
        return (
          <Flex key={index} gap={8} align="center">
            <Typography.Text strong style={{ width: 16, flex: 'none' }}>
              {letter}
            </Typography.Text>
            <Input
              value={row.text}
              onChange={(event) => update(index, { text: event.target.value })}
              placeholder={t('teach.questionDrawer.optionPlaceholder', { letter })}
              aria-label={t('teach.questionDrawer.optionPlaceholder', { letter })}
              maxLength={1000}
              status={row.isCorrect ? undefined : ''}
              style={row.isCorrect ? { borderColor: '#52c41a' } : undefined}
              data-testid={`teach-question-option-${index}-text`}
            />
            <div style={{ flex: 'none', width: 72 }}>{mark}</div>
            <Tooltip title={t('teach.questionDrawer.optionRemove')}>
              <Button type="text" size="small" icon={<CloseOutlined />} disabled={value.length <= 2} onClick={() => onChange?.(value.filter((_, i) => i !== index))} aria-label={t('teach.questionDrawer.optionRemove')} />
            </Tooltip>
          </Flex>
        );
      })}
      <Button icon={<PlusOutlined />} disabled={value.length >= MAX_OPTIONS} onClick={() => onChange?.([...value, { text: '', isCorrect: false }])} style={{ alignSelf: 'flex-start' }} data-testid="teach-question-option-add">
        {t('teach.questionDrawer.optionAdd', { max: MAX_OPTIONS })}
      </Button>
    </Flex>
  );
}
