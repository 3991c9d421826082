import { BulbOutlined, CopyOutlined, DeleteOutlined, LockOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../../hooks/use-current-session';
import { ABC_FIELD_MAX, ABC_FIELDS, abcStorageKey, EMPTY_SHEET, isSheetEmpty, parseSheet, sheetAsText, type TAbcField, type TAbcSheet } from '../abc';
import { readLocal, removeLocal, writeLocal } from '../storage';

/**
 * The ABC worksheet of the ABC-model lesson: A event, B belief, C consequence, D disputing,
 * E new effect, each with a line of guidance and an example. Kept in this browser only (per
 * lesson), with a clear button and a copy-as-text button; nothing goes to the server.
 * @param props.lessonId the lesson (the sheet's storage key)
 * @param props.lessonTitle first line of the copied text
 */
export function AbcWorksheet({ lessonId, lessonTitle }: { lessonId: string; lessonTitle: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useCurrentSession();
  const key = abcStorageKey(session.user.id, lessonId);
  const [sheet, setSheet] = useState<TAbcSheet>(() => parseSheet(readLocal(key)));
  const [shownExample, setShownExample] = useState<TAbcField | null>(null);

  useEffect(() => {
    if (isSheetEmpty(sheet)) removeLocal(key);
    else writeLocal(key, JSON.stringify(sheet));
  }, [key, sheet]);

  const labels = useMemo(() => Object.fromEntries(ABC_FIELDS.map((field) => [field, t(`learn.abc.fields.${field}.label`)])) as Record<TAbcField, string>, [t]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sheetAsText(sheet, labels, lessonTitle));
      void message.success(t('learn.abc.copied'));
    } catch {
      void message.error(t('learn.common.copyFailed'));
    }
  };

  return (
    <div className="cd-abc" data-testid="learning-abc">
      <Typography.Paragraph type="secondary">{t('learn.abc.intro')}</Typography.Paragraph>
      <Flex vertical gap={14}>
        {ABC_FIELDS.map((field) => (
          <div key={field} className={`cd-abc__field cd-abc__field--${field}`}>
            <Flex justify="space-between" align="baseline" gap={8} wrap>
              <label htmlFor={`abc-${field}`} className="cd-abc__label">
                {labels[field]}
              </label>
              <Button type="link" size="small" icon={<BulbOutlined />} onClick={() => setShownExample(shownExample === field ? null : field)} data-testid={`learning-abc-example-${field}`}>
                {shownExample === field ? t('learn.abc.hideExample') : t('learn.abc.showExample')}
              </Button>
            </Flex>
            <Typography.Text type="secondary" className="cd-abc__hint">
              {t(`learn.abc.fields.${field}.hint`)}
            </Typography.Text>
            {shownExample === field && <div className="cd-abc__example">{t(`learn.abc.fields.${field}.example`)}</div>}
            <Input.TextArea
              id={`abc-${field}`}
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={ABC_FIELD_MAX}
              value={sheet[field]}
              onChange={(event) => setSheet((current) => ({ ...current, [field]: event.target.value }))}
              data-testid={`learning-abc-${field}`}
            />
          </div>
        ))}
      </Flex>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <LockOutlined /> {t('learn.abc.local')}
        </Typography.Text>
        <Flex gap={8}>
          <Tooltip title={isSheetEmpty(sheet) ? t('learn.abc.nothingYet') : undefined}>
            <Button icon={<CopyOutlined />} onClick={() => void copy()} disabled={isSheetEmpty(sheet)} data-testid="learning-abc-copy">
              {t('learn.abc.copy')}
            </Button>
          </Tooltip>
          <Popconfirm title={t('learn.abc.clearConfirm')} onConfirm={() => setSheet(EMPTY_SHEET)} okText={t('learn.abc.clear')} cancelText={t('learn.common.cancel')}>
            <Button danger icon={<DeleteOutlined />} disabled={isSheetEmpty(sheet)} data-testid="learning-abc-clear">
              {t('learn.abc.clear')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
    </div>
  );
}
