import writeXlsxFile from 'write-excel-file/node';

/** A room of learners as a teacher types them in Excel: phones as numbers that lost their 0. */
export function roomOf(size: number, surname = 'Nguyễn Văn Học Trò') {
  return Array.from({ length: size }, (_, i) => ({
    name: `${surname} ${i + 1}`,
    year: 2012 + (i % 2),
    phone: i < 5 ? 912_000_100 + i : null,
  }));
}

/** The room as an XLSX file with a numbered first column, as schools keep their lists. */
export async function rosterXlsx(learners: ReturnType<typeof roomOf>): Promise<Buffer> {
  const header = ['STT', 'Họ và tên', 'Năm sinh', 'Số điện thoại'];
  const rows = learners.map((l, i) => [i + 1, l.name, l.year, l.phone]);
  return writeXlsxFile([header, ...rows]).toBuffer();
}
