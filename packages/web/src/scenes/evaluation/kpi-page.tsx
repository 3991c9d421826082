import { CheckCircleTwoTone, DownloadOutlined, FileExcelOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { EVALUATION_ORGANISATION_WIDE_ROLES, KPI_FIELDS, KPI_FILE_MAX_BYTES, KPI_MAPPING_KEYS, type TKpiMapping, type TKpiMappingKey } from '@calmdesk/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Drawer, Empty, Flex, Form, Row, Select, Spin, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../api/client';
import { evaluationExportUrls, evaluationKeys, sendKpiFile, useKpiImport, useKpiImports, useKpiRecords, type TKpiImport, type TKpiPreview } from '../../api/evaluation';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { RangeFilter } from './dashboard-page';
import { EvalHeader } from './eval-header';
import { cleanMapping, formatFigure, kpiTemplateCsv, kpiUnit } from './figures';
import { RejectsTable, useRejectReason } from './kpi-rejects';
import { useEvalFilters } from './range';

type TPreviewRow = TKpiPreview['rows'][number];

/** Downloads the import template, made in the browser. */
function downloadTemplate(fileName: string): void {
  const url = URL.createObjectURL(new Blob([kpiTemplateCsv()], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The rejected rows of one import, in a drawer. */
function ImportReport({ importId, onClose }: { importId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useKpiImport(importId);
  return (
    <Drawer open={importId !== null} onClose={onClose} size={640} destroyOnHidden title={report.data ? t('evaluation.kpi.reportTitle', { name: report.data.fileName }) : t('evaluation.kpi.history')}>
      {report.isPending ? (
        <Spin />
      ) : report.data ? (
        <Flex vertical gap={12} data-testid="eval-kpi-report">
          <Typography.Text>{report.data.rowsRejected > 0 ? t('evaluation.kpi.done', { imported: report.data.rowsImported, rejected: report.data.rowsRejected }) : t('evaluation.kpi.doneAllGood', { imported: report.data.rowsImported })}</Typography.Text>
          {report.data.rejects.length > 0 && (
            <>
              <RejectsTable rejects={report.data.rejects} testId="eval-kpi-report-rejects" />
              <Button icon={<FileExcelOutlined />} href={evaluationExportUrls.rejectsXlsx(report.data.id)} download style={{ alignSelf: 'flex-start' }}>
                {t('evaluation.kpi.rejectsXlsx')}
              </Button>
            </>
          )}
        </Flex>
      ) : null}
    </Drawer>
  );
}

/**
 * KPI 导入 at /evaluation/kpis: drop a CSV or Excel file, check the columns found from its
 * headers and the first rows as they would be stored (with every problem row and its reason),
 * import, then read the report. Below, earlier imports and the stored KPIs with their Excel
 * export. Supervisors import for their own teams; the server refuses the other rows by reason.
 */
export default function KpiPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const errorMessage = useErrorMessage();
  const reason = useRejectReason();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TKpiPreview | null>(null);
  const [result, setResult] = useState<TKpiImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [reportId, setReportId] = useState<string | null>(null);
  const [filters, setFilters] = useEvalFilters();
  const imports = useKpiImports();
  const records = useKpiRecords({ from: filters.from, to: filters.to });
  const isOrganisationWide = session.roles.some((role) => (EVALUATION_ORGANISATION_WIDE_ROLES as readonly string[]).includes(role));

  const describeFileError = (err: unknown) => {
    const appError = AppError.parseError(err);
    if (appError.status === 413) return t('evaluation.kpi.fileErrors.size');
    if (appError.status === 415) return t('evaluation.kpi.fileErrors.type');
    if (appError.code === 'BAD_REQUEST') return t('evaluation.kpi.fileErrors.empty');
    return `${errorMessage(appError)} ${appError.message}`;
  };
  const runPreview = async (chosen: File, mapping: TKpiMapping) => {
    setIsBusy(true);
    setError(null);
    try {
      setPreview(await sendKpiFile('preview', chosen, cleanMapping(mapping), session.csrfToken));
    } catch (err) {
      setError(describeFileError(err));
    } finally {
      setIsBusy(false);
    }
  };
  const runImport = async () => {
    if (!file || !preview) return;
    setIsBusy(true);
    setError(null);
    try {
      const done = await sendKpiFile('import', file, cleanMapping(preview.mapping), session.csrfToken);
      setResult(done);
      setPreview(null);
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
    } catch (err) {
      setError(describeFileError(err));
    } finally {
      setIsBusy(false);
    }
  };
  const reset = () => {
    setFile(null);
    setPreview(null);
    setError(null);
  };
  const setColumn = (key: TKpiMappingKey, column: string | undefined) => {
    if (!file || !preview) return;
    void runPreview(file, { ...preview.mapping, [key]: column });
  };

  return (
    <div data-testid="eval-kpi-page">
      <EvalHeader tab="kpis" />
      <Card
        variant="borderless"
        style={{ marginBottom: 16 }}
        title={t('evaluation.kpi.uploadTitle')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => downloadTemplate(t('evaluation.kpi.templateFile'))} data-testid="eval-kpi-template">
            {t('evaluation.kpi.template')}
          </Button>
        }
      >
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {t('evaluation.kpi.uploadHint')} {t('evaluation.kpi.percentNote')} {!isOrganisationWide && t('evaluation.kpi.scopeTeams')}
          </Typography.Text>
          {result && (
            <Alert
              type={result.rowsRejected > 0 ? 'warning' : 'success'}
              showIcon
              closable={{ onClose: () => setResult(null) }}
              data-testid="eval-kpi-result"
              title={result.rowsRejected > 0 ? t('evaluation.kpi.done', { imported: result.rowsImported, rejected: result.rowsRejected }) : t('evaluation.kpi.doneAllGood', { imported: result.rowsImported })}
              description={
                result.rejects.length > 0 && (
                  <Flex vertical gap={8} style={{ marginTop: 8 }}>
                    <Typography.Text strong>{t('evaluation.kpi.rejectsTitle', { count: result.rejects.length })}</Typography.Text>
                    <Typography.Text type="secondary">{t('evaluation.kpi.rejectsHint')}</Typography.Text>
                    <RejectsTable rejects={result.rejects} testId="eval-kpi-rejects" />
                    <Button icon={<FileExcelOutlined />} href={evaluationExportUrls.rejectsXlsx(result.id)} download style={{ alignSelf: 'flex-start' }} data-testid="eval-kpi-rejects-xlsx">
                      {t('evaluation.kpi.rejectsXlsx')}
                    </Button>
                  </Flex>
                )
              }
            />
          )}
          {!preview && (
            <Upload.Dragger
              accept=".csv,.xlsx,.txt"
              multiple={false}
              maxCount={1}
              showUploadList={false}
              disabled={isBusy}
              beforeUpload={(chosen) => {
                if (chosen.size > KPI_FILE_MAX_BYTES) {
                  setError(t('evaluation.kpi.fileErrors.size'));
                  return Upload.LIST_IGNORE;
                }
                setFile(chosen);
                setResult(null);
                void runPreview(chosen, {});
                return false;
              }}
            >
              <div data-testid="eval-kpi-dropzone" style={{ padding: '16px' }}>
                <p className="ant-upload-drag-icon">{isBusy ? <Spin /> : <InboxOutlined />}</p>
                <p className="ant-upload-text">{isBusy && file ? t('evaluation.kpi.reading', { name: file.name }) : t('evaluation.kpi.dropTitle')}</p>
                <p className="ant-upload-hint">{t('evaluation.kpi.dropHint')}</p>
              </div>
            </Upload.Dragger>
          )}
          {error && <Alert type="error" showIcon title={error} data-testid="eval-kpi-error" />}
          {preview && (
            <Spin spinning={isBusy}>
              <Flex vertical gap={16} data-testid="eval-kpi-preview">
                <div>
                  <Typography.Title level={5} style={{ marginTop: 0 }}>
                    {t('evaluation.kpi.mappingTitle')} · {preview.fileName}
                  </Typography.Title>
                  <Typography.Text type="secondary">{t('evaluation.kpi.mappingHint')}</Typography.Text>
                  <Form layout="vertical" style={{ marginTop: 12 }}>
                    <Row gutter={[12, 0]}>
                      {KPI_MAPPING_KEYS.map((key) => (
                        <Col key={key} xs={12} md={8} xl={6} xxl={4}>
                          <Form.Item label={t(`evaluation.fields.${key}`)} style={{ marginBottom: 12 }}>
                            <Select
                              value={preview.mapping[key]}
                              allowClear
                              placeholder={t('evaluation.kpi.notMapped')}
                              onChange={(column: string | undefined) => setColumn(key, column)}
                              options={preview.headers.map((header) => ({ value: header, label: header }))}
                              data-testid={`eval-kpi-mapping-${key}`}
                            />
                          </Form.Item>
                        </Col>
                      ))}
                    </Row>
                  </Form>
                </div>
                {preview.missing.length > 0 ? (
                  <Alert type="warning" showIcon title={preview.missing.map((part) => t(`evaluation.kpi.missing.${part}`)).join(' ')} data-testid="eval-kpi-missing" />
                ) : (
                  <Alert
                    type={preview.rejectedRows > 0 ? 'warning' : 'info'}
                    showIcon
                    data-testid="eval-kpi-preview-summary"
                    title={t('evaluation.kpi.summary', { total: preview.totalRows, valid: preview.validRows, replacing: preview.replacingRows, rejected: preview.rejectedRows })}
                  />
                )}
                {preview.missing.length === 0 && (
                  <>
                    <Typography.Text strong>{t('evaluation.kpi.previewTitle', { count: preview.rows.length })}</Typography.Text>
                    <Table<TPreviewRow>
                      size="small"
                      rowKey="rowNumber"
                      pagination={false}
                      dataSource={preview.rows}
                      scroll={{ x: 1100 }}
                      columns={[
                        { key: 'row', title: t('evaluation.kpi.colRow'), width: 64, align: 'right', render: (_, r) => r.rowNumber },
                        {
                          key: 'person',
                          title: t('evaluation.kpi.colPerson'),
                          render: (_, r) => (
                            <span style={{ whiteSpace: 'nowrap' }}>
                              {r.person ? r.person.displayName : r.personText || '—'}
                              {r.person && r.person.displayName !== r.personText && <Typography.Text type="secondary"> ({r.personText})</Typography.Text>}
                            </span>
                          ),
                        },
                        { key: 'period', title: t('evaluation.kpi.colPeriod'), render: (_, r) => (r.periodStart ? <span style={{ whiteSpace: 'nowrap' }}>{r.periodStart} – {r.periodEnd}</span> : '—') },
                        ...KPI_FIELDS.map((field) => ({ key: field, title: t(`evaluation.fields.${field}`), align: 'right' as const, render: (_: unknown, r: TPreviewRow) => formatFigure(r.values[field], kpiUnit(field)) })),
                        {
                          key: 'status',
                          title: t('evaluation.kpi.colStatus'),
                          render: (_, r) =>
                            r.reject ? (
                              <Flex vertical gap={2}>
                                <Tag color="red" style={{ alignSelf: 'flex-start' }}>{t('evaluation.kpi.statusReject')}</Tag>
                                <Typography.Text type="danger" style={{ fontSize: 12 }}>{reason(r.reject)}</Typography.Text>
                              </Flex>
                            ) : r.isReplacing ? (
                              <Tag color="gold">{t('evaluation.kpi.statusReplace')}</Tag>
                            ) : (
                              <Tag color="green">{t('evaluation.kpi.statusNew')}</Tag>
                            ),
                        },
                      ]}
                    />
                    {preview.rejects.length > 0 && (
                      <>
                        <Typography.Text strong>{t('evaluation.kpi.rejectsTitle', { count: preview.rejectedRows })}</Typography.Text>
                        <RejectsTable rejects={preview.rejects} testId="eval-kpi-preview-rejects" />
                      </>
                    )}
                  </>
                )}
                <Flex gap={8}>
                  <Button type="primary" icon={<UploadOutlined />} disabled={preview.missing.length > 0 || preview.validRows === 0} loading={isBusy} onClick={() => void runImport()} data-testid="eval-kpi-import-submit">
                    {t('evaluation.kpi.importButton', { count: preview.validRows })}
                  </Button>
                  <Button onClick={reset} data-testid="eval-kpi-another">
                    {t('evaluation.kpi.another')}
                  </Button>
                </Flex>
              </Flex>
            </Spin>
          )}
        </Flex>
      </Card>

      <Card variant="borderless" style={{ marginBottom: 16 }} title={isOrganisationWide ? t('evaluation.kpi.history') : t('evaluation.kpi.historyMine')} data-testid="eval-kpi-imports">
        <Table
          size="small"
          rowKey="id"
          loading={imports.isPending}
          dataSource={imports.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.kpi.noHistory')} /> }}
          columns={[
            { key: 'time', title: t('evaluation.kpi.colTime'), render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm') },
            { key: 'file', title: t('evaluation.kpi.colFile'), render: (_, r) => r.fileName },
            { key: 'by', title: t('evaluation.kpi.colBy'), render: (_, r) => r.createdBy?.displayName ?? '—' },
            { key: 'imported', title: t('evaluation.kpi.colImported'), align: 'right', render: (_, r) => <span><CheckCircleTwoTone twoToneColor="#3c8d4f" /> {r.rowsImported}</span> },
            { key: 'rejected', title: t('evaluation.kpi.colRejected'), align: 'right', render: (_, r) => (r.rowsRejected > 0 ? <Typography.Text type="warning">{r.rowsRejected}</Typography.Text> : 0) },
            { key: 'report', title: '', render: (_, r) => <Button size="small" type="link" onClick={() => setReportId(r.id)} data-testid={`eval-kpi-report-${r.id}`}>{t('evaluation.kpi.viewReport')}</Button> },
          ]}
        />
      </Card>

      <Card
        variant="borderless"
        title={t('evaluation.kpi.records')}
        data-testid="eval-kpi-records"
        extra={
          <Flex gap={8} wrap>
            <RangeFilter filters={filters} onChange={(next) => setFilters({ from: next.from, to: next.to })} />
            <Button icon={<FileExcelOutlined />} href={evaluationExportUrls.kpisXlsx({ from: filters.from, to: filters.to })} download data-testid="eval-kpi-records-xlsx">
              {t('evaluation.kpi.recordsXlsx')}
            </Button>
          </Flex>
        }
      >
        {records.data?.isTruncated && <Alert type="info" showIcon title={t('evaluation.kpi.recordsTruncated')} style={{ marginBottom: 12 }} />}
        <Table
          size="small"
          rowKey="id"
          loading={records.isPending}
          dataSource={records.data?.records ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.empty.results')} /> }}
          columns={[
            { key: 'name', title: t('evaluation.team.colName'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.person.displayName}</span> },
            { key: 'period', title: t('evaluation.person.colPeriod'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.periodStart} – {r.periodEnd}</span> },
            ...KPI_FIELDS.map((field) => ({ key: field, title: t(`evaluation.fields.${field}`), align: 'right' as const, render: (_: unknown, r: { [K in typeof field]: number | null }) => formatFigure(r[field], kpiUnit(field)) })),
          ]}
        />
      </Card>
      <ImportReport importId={reportId} onClose={() => setReportId(null)} />
    </div>
  );
}
