DROP TABLE books;
DROP TABLE "Authors";
