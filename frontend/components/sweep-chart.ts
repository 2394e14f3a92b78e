// Sweep result chart (Apache ECharts, bundled by Vite): a line chart with 95 % binomial error bars for 1-D sweeps and
// sweeps against a category (e.g. model), a heat map for 2-D numeric sweeps; the theory's threshold drawn over it.
import * as echarts from 'echarts';

interface Point { x: number | string; f: number; lo: number; hi: number }
interface ChartData {
  kind: 'line' | 'heatmap';
  xKey: string;
  yKey?: string;
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

  set data(json: string) {
    this.payload = json ? JSON.parse(json) : undefined;
    this.render();
  }

  connectedCallback() {
    this.style.display = 'block';
    if (!this.style.height) this.style.height = '420px';
    this.chart = echarts.init(this, undefined, { renderer: 'canvas' });
    this.observer = new ResizeObserver(() => this.chart?.resize());
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
    this.chart.setOption(d.kind === 'heatmap' ? heatmap(d) : lines(d), true);
    this.setAttribute('data-cells', String(d.kind === 'heatmap' ? (d.cells?.length ?? 0)
      : (d.series ?? []).reduce((n, s) => n + s.points.length, 0)));
  }
}

const palette = ['#1676f3', '#e8590c', '#2f9e44', '#ae3ec9', '#f59f00', '#0c8599'];

function lines(d: ChartData): echarts.EChartsOption {
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
    legend: { top: 5, data: (d.series ?? []).map(s => s.name).concat(th && d.numericX ? [th.label] : []) },
    tooltip: { trigger: 'axis' },
    // a margin of 5 % of the span on both sides, so the first and last points (and their labels) sit inside the
    // plot at any width; the padded ends get no label of their own, the nice ticks inside keep theirs
    xAxis: d.numericX ? {
      type: 'value', name: d.xKey, nameLocation: 'middle', nameGap: 30,
      min: (e: { min: number; max: number }) => e.min - 0.05 * (e.max - e.min || 1),
      max: (e: { min: number; max: number }) => e.max + 0.05 * (e.max - e.min || 1),
      axisLabel: { showMinLabel: false, showMaxLabel: false, hideOverlap: true },
    }
      : { type: 'category', name: d.xKey, nameLocation: 'middle', nameGap: 30, data: d.xValues },
    yAxis: { type: 'value', min: 0, max: 1, name: 'retrieval fraction', nameLocation: 'middle', nameGap: 42 },
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

function heatmap(d: ChartData): echarts.EChartsOption {
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
    grid: { left: 70, right: 90, top: 40, bottom: 55 },
    legend: th ? { top: 5, data: [th.label] } : undefined,
    tooltip: {
      formatter: (p: any) => Array.isArray(p.value) && p.value.length === 3
        ? `${d.xKey} = ${d.xValues[p.value[0]]}<br>${d.yKey} = ${d.yValues![p.value[1]]}<br>retrieved ${(p.value[2] * 100).toFixed(1)} %`
        : p.seriesName,
    },
    xAxis: [{ type: 'category', name: d.xKey, nameLocation: 'middle', nameGap: 30, data: d.xValues, splitArea: { show: true } },
      hidden(nx)],
    yAxis: [{ type: 'category', name: d.yKey, nameLocation: 'middle', nameGap: 50, data: d.yValues, splitArea: { show: true } },
      hidden(ny)],
    visualMap: {
      min: 0, max: 1, calculable: true, orient: 'vertical', right: 10, top: 'middle', precision: 2,
      inRange: { color: ['#f1f3f5', '#74c0fc', '#1c7ed6', '#0b3d91'] }, seriesIndex: 0,
    },
    series,
  };
}

customElements.define('hopfield-sweep-chart', SweepChart);
