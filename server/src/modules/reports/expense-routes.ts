// GET /reports/depreciation-expense: depreciation charged in a period, by category and cost centre.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { withProblems } from '../../platform/schemas.ts';
import { scopeOf } from '../../platform/scope.ts';
import { depreciationExpense, expenseReport } from './expense.ts';
import { Expense, ExpenseQuery } from './expense-schemas.ts';
import { sendFile } from './export.ts';

export const expenseRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/reports/depreciation-expense',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: 'Depreciation charged in a period, by category and by cost centre',
        description:
          'Each item held in the period (bought by its end, not disposed of before its start) rolls forward: ' +
          'opening book value (the day before the period) + additions (bought in it, at cost) − depreciation − ' +
          'disposals (book value on the disposal day) = closing book value. Items without a schedule stay at ' +
          'cost, as in /reports/valuation, whose book value at the period end equals the closing total. ' +
          'Grouped by the category and location items are in now. Default period: this month. ' +
          '`format=csv|xlsx|pdf` downloads lines per `group_by`.',
        querystring: ExpenseQuery,
        response: withProblems({ 200: Expense }),
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const scope = scopeOf(request);
      if (format !== 'json') return sendFile(reply, await expenseReport.write(db, filters, scope, format));
      return depreciationExpense(db, filters, scope);
    },
  );
};
