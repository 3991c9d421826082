import { InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Flex, Progress, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../api/client';
import { QA_IMPORT_EXTENSIONS, QA_IMPORT_MAX_BYTES, uploadQaImport, type TQaImport } from '../../api/qa';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { checkImportFile, formatBytes } from './progress';

/**
 * Step 1 of a new import: drop or pick one export; it goes up as raw bytes with a progress
 * percent (antd Upload's customRequest), then the wizard moves on to the mapping.
 * @param props.onUploaded called with the new import (status "uploaded")
 */
export function UploadStep({ onUploaded }: { onUploaded: (item: TQaImport) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useCurrentSession();
  const errorMessage = useErrorMessage();
  const [upload, setUpload] = useState<{ name: string; size: number; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  return (
    <Flex vertical gap={16} data-testid="qa-wizard-upload">
      <Upload.Dragger
        accept={QA_IMPORT_EXTENSIONS.join(',')}
        multiple={false}
        maxCount={1}
        showUploadList={false}
        disabled={upload !== null}
        beforeUpload={(file) => {
          const problem = checkImportFile(file, QA_IMPORT_EXTENSIONS, QA_IMPORT_MAX_BYTES);
          if (problem === null) return true;
          void message.error(t(`qa.wizard.file.${problem}`));
          return Upload.LIST_IGNORE;
        }}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          const blob = file as File;
          const controller = new AbortController();
          abortRef.current = controller;
          setError(null);
          setUpload({ name: blob.name, size: blob.size, percent: 0 });
          uploadQaImport({
            file: blob,
            csrfToken: session.csrfToken,
            signal: controller.signal,
            onProgress: ({ loaded, total }) => {
              const percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
              onProgress?.({ percent });
              setUpload((current) => (current ? { ...current, percent } : current));
            },
          }).then(
            (item) => {
              onSuccess?.(item);
              setUpload(null);
              onUploaded(item);
            },
            (err: unknown) => {
              setUpload(null);
              if (err instanceof DOMException && err.name === 'AbortError') return;
              const appError = AppError.parseError(err);
              onError?.(appError);
              // The server's reason names the problem ("… imports .csv, .json …"): keep it beside the translated sentence.
              setError(appError.status === 413 ? t('qa.wizard.file.size') : appError.status === 415 ? t('qa.wizard.file.type') : `${errorMessage(appError)} ${appError.message}`);
            },
          );
          return { abort: () => controller.abort() };
        }}
      >
        <div data-testid="qa-import-dropzone" style={{ padding: '24px 16px' }}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('qa.wizard.dropTitle')}</p>
          <p className="ant-upload-hint">{t('qa.wizard.dropHint')}</p>
        </div>
      </Upload.Dragger>
      {upload !== null && (
        <div data-testid="qa-upload-progress">
          <Typography.Text>{t('qa.wizard.uploading', { name: upload.name, size: formatBytes(upload.size) })}</Typography.Text>
          <Progress percent={upload.percent} status="active" strokeColor="#2f7d8c" />
        </div>
      )}
      {error !== null && <Alert type="error" showIcon title={error} data-testid="qa-upload-error" />}
      <Typography.Text type="secondary">
        <SafetyCertificateOutlined style={{ color: '#2f7d8c', marginInlineEnd: 6 }} />
        {t('qa.masking')}
      </Typography.Text>
    </Flex>
  );
}
