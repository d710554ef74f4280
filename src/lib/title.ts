/** A page title in GOV.UK form: "Error: " first when the page shows errors, then the service name. */
export function pageTitle(title: string, hasErrors = false, serviceName = 'Coproduce'): string {
	return `${hasErrors ? 'Error: ' : ''}${title} – ${serviceName}`;
}
