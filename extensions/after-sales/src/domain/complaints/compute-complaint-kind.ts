export interface ComplaintForRepeats {
	id: string | number;
	received_at: string | Date;
	category: string;
	product?: string | number | null;
	subject_staff?: string | number | null;
}

/**
 * CMP-7: complaints are "of the same kind" when they share a category and what they are about:
 * the staff member for attitude complaints (CMP-6 counts them against that person), the product
 * for every other category.
 */
export function computeComplaintKind(complaint: ComplaintForRepeats): string {
	if (complaint.category === 'attitude') return `attitude:staff:${complaint.subject_staff ?? '-'}`;
	return `${complaint.category}:product:${complaint.product ?? '-'}`;
}
