import * as echarts from 'echarts/core';
import { BarChart, GraphChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CSSProperties } from 'react';

/** Only what the pages draw: bar charts (coverage, sales by month), graphs (an org's pairings), pies and lines (sales). */
echarts.use([BarChart, GraphChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = Record<string, unknown>;

export function Chart({ option, style, testId }: { option: ChartOption; style?: CSSProperties; testId?: string }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height: 360, width: '100%', ...style }} />
    </div>
  );
}
