import { BoldOutlined, FontSizeOutlined, LinkOutlined, MessageOutlined, PaperClipOutlined, TableOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Button, Col, Flex, Input, Row, Tooltip, Typography, type GetRef } from 'antd';
import { useDeferredValue, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LEARNING_FILE_MAX_BYTES, useUploadLearningFile } from '../../api/teach';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { RichText } from '../learning/rich-text';
import '../learning/learning.css';
import { applyMarkdownAction, insertBlock, MARKDOWN_ACTIONS, type TMarkdownAction, type TMarkdownPlaceholders, type TTextEdit } from './markdown-tools';

const ACTION_ICONS: Record<TMarkdownAction, ReactNode> = {
  heading: <FontSizeOutlined />,
  bold: <BoldOutlined />,
  list: <UnorderedListOutlined />,
  quote: <MessageOutlined />,
  link: <LinkOutlined />,
  table: <TableOutlined />,
};

/**
 * A Markdown editor for lesson and case text: a textarea with a small toolbar (heading, bold,
 * list, quote, link, table) and, beside it, a live preview drawn by the learners' own renderer
 * (RichText: SafeMarkdown with their typography and dialogue quotes as chat bubbles), so the
 * author sees exactly what learners will. Works as an antd form control (value/onChange).
 * @param props.value the Markdown
 * @param props.onChange called with the new text
 * An eighth button uploads an image or worksheet (POST /api/learning/files) and puts its Markdown
 * at the caret.
 * @param props.testId prefix of the testids: `${testId}-input`, `${testId}-preview`, `${testId}-tool-${action}`,
 *   `${testId}-upload` (the file input)
 * @param props.height the height of the text box and the preview, in pixels
 * @param props.status 'error' when the form shows an error on this field
 */
export function MarkdownEditor({
  value = '',
  onChange,
  testId,
  height = 480,
  status,
  id,
}: {
  value?: string;
  onChange?: (next: string) => void;
  testId: string;
  height?: number;
  status?: 'error' | 'warning' | '';
  id?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useCurrentSession();
  const errorMessage = useErrorMessage();
  const upload = useUploadLearningFile();
  const boxRef = useRef<GetRef<typeof Input.TextArea>>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  // Typing stays quick in long lessons: the preview may trail a keystroke behind.
  const preview = useDeferredValue(value);

  const words: TMarkdownPlaceholders = {
    heading: t('teach.markdown.words.heading'),
    bold: t('teach.markdown.words.bold'),
    listItem: t('teach.markdown.words.listItem'),
    quote: t('teach.markdown.words.quote'),
    linkText: t('teach.markdown.words.linkText'),
    tableHeader: [t('teach.markdown.words.column1'), t('teach.markdown.words.column2')],
    tableCell: [t('teach.markdown.words.cell'), t('teach.markdown.words.cell')],
  };

  const selection = (): TTextEdit => {
    const box = boxRef.current?.resizableTextArea?.textArea;
    return { text: value, selectionStart: box?.selectionStart ?? value.length, selectionEnd: box?.selectionEnd ?? value.length };
  };

  const apply = (edit: TTextEdit) => {
    onChange?.(edit.text);
    // Select what the author will want to type over once React has put the new text in.
    requestAnimationFrame(() => {
      const next = boxRef.current?.resizableTextArea?.textArea;
      if (!next) return;
      next.focus();
      next.setSelectionRange(edit.selectionStart, edit.selectionEnd);
    });
  };

  const run = (action: TMarkdownAction) => apply(applyMarkdownAction(selection(), action, words));

  const uploadFile = (file: File) => {
    if (file.size > LEARNING_FILE_MAX_BYTES) {
      void message.error(t('teach.markdown.tooBig', { name: file.name }));
      return;
    }
    // Where the caret was when the file was picked: the upload may take a moment.
    const at = selection();
    upload.mutate(
      { file, csrfToken: session.csrfToken },
      {
        onSuccess: (stored) => {
          apply(insertBlock({ ...at, text: boxRef.current?.resizableTextArea?.textArea?.value ?? at.text }, stored.markdown));
          void message.success(t('teach.markdown.uploaded', { name: stored.name }));
        },
        onError: (err) => void message.error(`${errorMessage(err)} ${err instanceof Error ? err.message : ''}`.trim()),
      },
    );
  };

  return (
    <Row gutter={[16, 12]} className="cd-teach-md">
      <Col xs={24} xl={12}>
        <Flex className="cd-teach-md__toolbar" gap={2} wrap role="toolbar" aria-label={t('teach.markdown.toolbar')}>
          {MARKDOWN_ACTIONS.map((action) => (
            <Tooltip key={action} title={t(`teach.markdown.tools.${action}`)}>
              <Button type="text" size="small" icon={ACTION_ICONS[action]} onClick={() => run(action)} aria-label={t(`teach.markdown.tools.${action}`)} data-testid={`${testId}-tool-${action}`} />
            </Tooltip>
          ))}
          <Tooltip title={t('teach.markdown.upload')}>
            <Button type="text" size="small" icon={<PaperClipOutlined />} loading={upload.isPending} onClick={() => fileRef.current?.click()} aria-label={t('teach.markdown.upload')} data-testid={`${testId}-tool-upload`} />
          </Tooltip>
          <input
            ref={fileRef}
            type="file"
            style={{ display: 'none' }}
            accept=".png,.jpg,.jpeg,.gif,.webp,.pdf,.docx,.xlsx,.pptx,.txt,.csv,.md,.mp3"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) uploadFile(file);
            }}
            data-testid={`${testId}-upload`}
          />
          <Typography.Text type="secondary" className="cd-teach-md__count">
            {t('teach.markdown.count', { count: value.length })}
          </Typography.Text>
        </Flex>
        <Input.TextArea
          id={id}
          ref={boxRef}
          value={value}
          onChange={(event) => onChange?.(event.target.value)}
          status={status}
          spellCheck={false}
          className="cd-teach-md__input"
          style={{ height, resize: 'vertical' }}
          aria-label={t('teach.markdown.input')}
          data-testid={`${testId}-input`}
        />
      </Col>
      <Col xs={24} xl={12}>
        <div className="cd-teach-md__toolbar">
          <Typography.Text type="secondary">{t('teach.markdown.preview')}</Typography.Text>
        </div>
        <div className="cd-teach-md__preview" style={{ height }} data-testid={`${testId}-preview`}>
          {preview.trim() === '' ? <Typography.Text type="secondary">{t('teach.markdown.emptyPreview')}</Typography.Text> : <RichText>{preview}</RichText>}
        </div>
      </Col>
    </Row>
  );
}
