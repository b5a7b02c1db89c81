/**
 * Apache ECharts, only the parts the Readiness charts use (tree-shaken: echarts.apache.org
 * "Import ECharts" → "Shrinking Bundle Size"). This module is imported by the Readiness view only,
 * which the router loads lazily, so none of it is in the initial script (DESIGN §5, first paint).
 */
import { use } from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer])

export { default as VChart } from 'vue-echarts'
