// Everything a portal user (dealer or technician) reaches: the scoped APIs and the portal page.
import type { Router } from 'express';
import type { PackContext } from '../lib/context';
import { registerNoticeRoutes } from '../notices/routes';
import { registerTechnicianRoutes } from '../technician/routes';
import { registerWarrantyRoutes } from '../warranty/routes';
import { registerStockReturnRoutes } from '../warranty/stock-return-routes';
import { registerDealerPlanRoutes } from '../dealer-plans';
import { registerPortalRoutes } from './portal';
import { registerDealerRoutes } from './routes';

export function registerPortalUserRoutes(router: Router, ctx: PackContext, route: Parameters<typeof registerDealerRoutes>[2]) {
	registerDealerRoutes(router, ctx, route);
	registerTechnicianRoutes(router, ctx, route);
	registerNoticeRoutes(router, ctx, route);
	registerWarrantyRoutes(router, ctx, route);
	registerDealerPlanRoutes(router, ctx, route);
	registerStockReturnRoutes(router, ctx, route);
	registerPortalRoutes(router, ctx);
}
