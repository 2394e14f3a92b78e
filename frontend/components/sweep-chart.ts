// Sweep result chart (Apache ECharts, bundled by Vite): a line chart with 95 % binomial error bars for 1-D sweeps and
// sweeps against a category (e.g. model), a heat map for 2-D numeric sweeps; the theory's threshold drawn over it.
import * as echarts from 'echarts';

interface Point { x: number | string; f: number; lo: number; hi: number }
interface ChartData {
  kind: 'line' | 'heatmap';
  xKey: string;
  yKey?: string;
  xLabel?: string; // the key table's label, key and unit: "Gain β (beta)"
  yLabel?: string;
  valueLabel?: string; // what the numbers are: "fraction retrieved"
  xValues: string[];
  yValues?: string[];
  series?: { name: string; points: Point[] }[];
  cells?: [number, number, number, number, number][]; // x index, y index, fraction, lo, hi
  threshold?: { label: string; points: (number | null)[][] } | null;
  numericX: boolean;
}

class SweepChart extends HTMLElement {
  private chart?: echarts.ECharts;
  private observer?: ResizeObserver;
  private payload?: ChartData;
  /** Narrow (a phone): the heat map's colour scale goes below the plot, fewer x labels. */
  private compact = false;
  private renderedWidth = 0;

  set data(json: string) {
    this.payload = json ? JSON.parse(json) : undefined;
    this.render();
  }

  connectedCallback() {
    this.style.display = 'block';
    if (!this.style.height) this.style.height = '420px';
    this.chart = echarts.init(this, undefined, { renderer: 'canvas' });
    this.observer = new ResizeObserver(() => {
      this.chart?.resize();
      // the layout (colour scale placement, how many x labels fit) follows the width
      if (Math.abs(this.clientWidth - this.renderedWidth) > 24) this.render();
    });
    this.observer.observe(this);
    this.render();
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  private render() {
    if (!this.chart || !this.payload) return;
    const d = this.payload;
    this.compact = this.clientWidth < COMPACT_PX;
    this.renderedWidth = this.clientWidth;
    this.chart.setOption(d.kind === 'heatmap' ? heatmap(d, this.compact) : lines(d, this.clientWidth), true);
    this.setAttribute('data-cells', String(d.kind === 'heatmap' ? (d.cells?.length ?? 0)
      : (d.series ?? []).reduce((n, s) => n + s.points.length, 0)));
  }
}

const palette = ['#1676f3', '#e8590c', '#2f9e44', '#ae3ec9', '#f59f00', '#0c8599'];
const COMPACT_PX = 560;
/**
 * A dashed line as a legend icon: a line series without symbols otherwise gets a dot in its legend entry, which
 * reads as "points". The first and last moves span the icon's box, so the dashes keep their thin shape.
 */
const DASHED = 'path://M0,0 M0,7h5v2h-5z M8,7h5v2h-5z M16,7h5v2h-5z M24,16';

/**
 * The x values to label on a numeric axis: the swept values themselves (not round ticks that miss them), thinned to
 * what fits the width; the first and the last value are always labelled.
 */
function xLabels(values: number[], width: number): number[] {
  const fit = Math.max(2, Math.floor((width - 100) / 48));
  if (values.length <= fit) return values;
  const step = Math.ceil((values.length - 1) / (fit - 1));
  const out: number[] = [];
  for (let i = 0; i < values.length - 1; i += step) out.push(values[i]);
  // the last value replaces the one before it when they would sit closer than a step apart
  if (out.length > 1 && (values.length - 1) % step !== 0 && (values.length - 1) % step < step / 2) out.pop();
  out.push(values[values.length - 1]);
  return out;
}

function lines(d: ChartData, width: number): echarts.EChartsOption {
  const series: echarts.SeriesOption[] = [];
  (d.series ?? []).forEach((s, i) => {
    const color = palette[i % palette.length];
    series.push({
      name: s.name, type: 'line', color, symbolSize: 7,
      data: s.points.map(p => [d.numericX ? Number(p.x) : String(p.x), p.f]),
    });
    // error bars: a vertical segment with caps from the Wilson interval
    series.push({
      name: s.name, type: 'custom', color, silent: true, z: 1,
      data: s.points.map(p => [d.numericX ? Number(p.x) : String(p.x), p.lo, p.hi]),
      renderItem: (_params: any, api: any) => {
        const lo = api.coord([api.value(0), api.value(1)]);
        const hi = api.coord([api.value(0), api.value(2)]);
        const w = 4;
        const style = { stroke: color, lineWidth: 1.2 };
        return {
          type: 'group', children: [
            { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
            { type: 'line', shape: { x1: lo[0] - w, y1: lo[1], x2: lo[0] + w, y2: lo[1] }, style },
            { type: 'line', shape: { x1: hi[0] - w, y1: hi[1], x2: hi[0] + w, y2: hi[1] }, style },
          ],
        };
      },
    } as any);
  });
  const th = d.threshold;
  if (th && th.points.length > 0 && d.numericX) {
    series.push({
      name: th.label, type: 'line', color: '#c92a2a', symbol: 'none', lineStyle: { type: 'dashed', width: 2 },
      data: [], markLine: {
        symbol: 'none', label: { formatter: th.label, position: 'insideEndTop' },
        lineStyle: { color: '#c92a2a', type: 'dashed', width: 2 }, data: [{ xAxis: th.points[0][0] as number }],
      },
    });
  }
  return {
    animation: false,
    grid: { left: 60, right: 40, top: 40, bottom: 55 },
    legend: {
      top: 5, data: [...(d.series ?? []).map(s => ({ name: s.name })),
        ...(th && d.numericX ? [{ name: th.label, icon: DASHED }] : [])],
    },
    tooltip: { trigger: 'axis' },
    // a margin of 5 % of the span on both sides, so the first and last points (and their labels) sit inside the
    // plot at any width; the labels and ticks are at the swept values, the last one included
    xAxis: d.numericX ? {
      type: 'value', name: d.xLabel ?? d.xKey, nameLocation: 'middle', nameGap: 30,
      min: (e: { min: number; max: number }) => e.min - 0.05 * (e.max - e.min || 1),
      max: (e: { min: number; max: number }) => e.max + 0.05 * (e.max - e.min || 1),
      axisLabel: { customValues: xLabels(d.xValues.map(Number), width), hideOverlap: true },
      axisTick: { customValues: xLabels(d.xValues.map(Number), width) },
      splitLine: { show: false },
    }
      : { type: 'category', name: d.xLabel ?? d.xKey, nameLocation: 'middle', nameGap: 30, data: d.xValues },
    // the y axis stays at the plot's left edge (at x = 0 it ran through the first points of a sweep from 0)
    yAxis: {
      type: 'value', min: 0, max: 1, name: (d.valueLabel ?? 'fraction retrieved') + ' (bars: 95 % CI)',
      nameLocation: 'middle', nameGap: 42, axisLine: { show: true, onZero: false },
    },
    series,
  };
}

/** Fractional category index of a numeric value along evenly or unevenly spaced axis values. */
function indexOf(values: string[], v: number): number | null {
  const nums = values.map(Number);
  for (let i = 0; i + 1 < nums.length; i++) {
    const a = nums[i], b = nums[i + 1];
    if ((v - a) * (v - b) <= 0 && a !== b) return i + (v - a) / (b - a);
  }
  return null;
}

function heatmap(d: ChartData, compact: boolean): echarts.EChartsOption {
  const series: echarts.SeriesOption[] = [{
    name: 'retrieval', type: 'heatmap',
    data: (d.cells ?? []).map(c => [c[0], c[1], c[2]]),
    label: { show: (d.cells ?? []).length <= 80, formatter: (p: any) => (p.value[2] * 100).toFixed(0) },
    emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
  }];
  const th = d.threshold;
  if (th && d.yValues) {
    const pts = th.points
      .map(p => [indexOf(d.xValues, p[0] as number), indexOf(d.yValues!, p[1] as number)])
      .filter(p => p[0] !== null && p[1] !== null);
    // on hidden value axes spanning the category bands exactly: category axes would round to whole cells
    series.push({
      name: th.label, type: 'line', data: pts as number[][], symbol: 'none', smooth: false, z: 10,
      xAxisIndex: 1, yAxisIndex: 1,
      lineStyle: { color: '#e03131', width: 3, type: 'dashed' }, color: '#e03131',
    });
  }
  const nx = d.xValues.length, ny = d.yValues?.length ?? 1;
  const hidden = (n: number) => ({ type: 'value' as const, min: -0.5, max: n - 0.5, show: false });
  return {
    animation: false,
    // the colour scale sits right of the plot; on a phone below it, so the plot keeps the width
    grid: compact ? { left: 62, right: 12, top: 40, bottom: 110 } : { left: 70, right: 120, top: 40, bottom: 55 },
    legend: th ? { top: 5, data: [{ name: th.label, icon: DASHED }] } : undefined,
    tooltip: {
      formatter: (p: any) => Array.isArray(p.value) && p.value.length === 3
        ? `${d.xKey} = ${d.xValues[p.value[0]]}<br>${d.yKey} = ${d.yValues![p.value[1]]}<br>${d.valueLabel ?? 'retrieved'}: ${(p.value[2] * 100).toFixed(1)} %`
        : p.seriesName,
    },
    xAxis: [{ type: 'category', name: d.xLabel ?? d.xKey, nameLocation: 'middle', nameGap: 30, data: d.xValues,
      splitArea: { show: true } }, hidden(nx)],
    yAxis: [{ type: 'category', name: d.yLabel ?? d.yKey, nameLocation: 'middle', nameGap: compact ? 44 : 50,
      data: d.yValues, splitArea: { show: true } }, hidden(ny)],
    // the scale says what its colours mean, in the per cent the cells are labelled with
    visualMap: {
      // no drag handles: their own value labels repeated the ends' text on top of it
      min: 0, max: 1, calculable: false, seriesIndex: 0, text: ['100 % retrieved', '0 %'],
      ...(compact ? { orient: 'horizontal', left: 'center', bottom: 8, itemWidth: 12, itemHeight: 160 }
        : { orient: 'vertical', right: 10, top: 'middle' }),
      inRange: { color: ['#f1f3f5', '#74c0fc', '#1c7ed6', '#0b3d91'] },
    },
    series,
  };
}

customElements.define('hopfield-sweep-chart', SweepChart);
