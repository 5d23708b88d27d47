DROP TABLE "group";
