import { definePanel } from '@directus/extensions-sdk';
import { dealerScorecardDefinition } from './definition';
import PanelDealerScorecard from './panel-dealer-scorecard.vue';

export default definePanel({ ...dealerScorecardDefinition, component: PanelDealerScorecard });
