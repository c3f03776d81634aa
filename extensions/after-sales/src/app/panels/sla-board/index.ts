import { definePanel } from '@directus/extensions-sdk';
import { slaBoardDefinition } from './definition';
import PanelSlaBoard from './panel-sla-board.vue';

export default definePanel({ ...slaBoardDefinition, component: PanelSlaBoard });
