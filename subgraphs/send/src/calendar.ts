/**
 * "Today" is the date in England: the statutory clock runs on the local authority's
 * calendar, whatever the server's time zone. A plan is current while it has no cease
 * date or its cease date is still to come.
 */
export { todayInEngland, isCurrentOn as isCurrent } from '@local-area-graph/identifiers';
