import { useRef, type CSSProperties, type ReactNode } from 'react';
import { Button, Card, Empty, Space } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { saveFile } from '../../ui/download.ts';
import { useT } from '../../ui/i18n.tsx';

/** Only what the dashboards draw; this module is loaded with the charts (React.lazy), never with the first screen. */
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = Record<string, unknown>;

interface Props {
  title: ReactNode;
  option: ChartOption | null;
  /** `{testId}` on the chart, `{testId}-card` on the card, `{testId}-png` on the download button. */
  testId: string;
  /** The PNG's file name, without the extension. */
  fileName: string;
  /** The PNG's caption above the chart (the card's title is not part of the canvas); the file name when not given. */
  caption?: string;
  height?: number;
  extra?: ReactNode;
  /** Controls above the chart, inside the card (choosers too wide for the title row). */
  toolbar?: ReactNode;
  loading?: boolean;
  style?: CSSProperties;
  children?: ReactNode;
}

/** The chart's image with its caption (what, where, when) above it. */
async function withCaption(dataUrl: string, caption: string): Promise<Blob | null> {
  const image = new Image();
  image.src = dataUrl;
  await image.decode();
  const band = 64;
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height + band;
  const g = canvas.getContext('2d');
  if (!g) return null;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#1f1f1f';
  g.font = '600 28px sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(caption, canvas.width / 2, band / 2, canvas.width - 32);
  g.drawImage(image, 0, band);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** A chart in a card, downloadable as PNG (the chart's own canvas at twice its resolution, on white). */
export function ChartCard({ title, option, testId, fileName, caption, height = 320, extra, toolbar, loading, style, children }: Props) {
  const t = useT();
  const ref = useRef<ReactEChartsCore>(null);
  const savePng = async () => {
    const chart = ref.current?.getEchartsInstance();
    if (!chart) return;
    const blob = await withCaption(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }), caption ?? fileName);
    if (blob) saveFile({ blob, fileName: `${fileName}.png` }, `${fileName}.png`);
  };
  return (
    <Card
      size="small"
      title={title}
      data-testid={`${testId}-card`}
      loading={loading && !option}
      style={style}
      extra={
        <Space size={4} wrap>
          {extra}
          <Button size="small" icon={<PictureOutlined />} disabled={!option} onClick={savePng} data-testid={`${testId}-png`}>
            {t('dash.savePng')}
          </Button>
        </Space>
      }
    >
      {toolbar ? <div style={{ marginBottom: 8 }}>{toolbar}</div> : null}
      {option ? (
        <div data-testid={testId}>
          <ReactEChartsCore ref={ref} echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} />
        </div>
      ) : (
        <Empty description={t('dash.noData')} style={{ height: height - 32, paddingTop: height / 4 }} />
      )}
      {children}
    </Card>
  );
}
