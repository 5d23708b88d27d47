package dev.dbkit.autoconfigure.repository;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.StringUtils;

import dev.dbkit.query.QueryExecutor;
import dev.dbkit.repository.RepositoryDefinition;
import dev.dbkit.repository.RepositoryIndex;

/**
 * Registers one bean per generated repository, created by the generated factory (no reflection) through
 * {@link RepositoryFactory}, unless the application already defines a bean of that type.
 */
class RepositoryRegistrar implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware, BeanFactoryAware {

	private @Nullable ClassLoader classLoader;

	private @Nullable BeanFactory beanFactory;

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		BeanFactory factory = this.beanFactory;
		if (!(factory instanceof ListableBeanFactory beans)) {
			return;
		}
		for (RepositoryDefinition<?> definition : RepositoryIndex.definitions(this.classLoader)) {
			if (beans.getBeanNamesForType(definition.type(), true, false).length > 0) {
				continue; // the application defines its own
			}
			register(registry, definition);
		}
	}

	/**
	 * A factory-method definition ({@link RepositoryFactory#create}, the repository's class as its first argument, the
	 * {@link QueryExecutor} autowired): what Spring AOT turns into code, where an instance supplier is refused.
	 */
	private static <T> void register(BeanDefinitionRegistry registry, RepositoryDefinition<T> definition) {
		RootBeanDefinition bean = new RootBeanDefinition(RepositoryFactory.class);
		bean.setFactoryMethodName("create");
		bean.setTargetType(definition.type());
		bean.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		bean.getConstructorArgumentValues().addIndexedArgumentValue(0, definition.type());
		String name = StringUtils.uncapitalize(definition.type().getSimpleName());
		if (registry.containsBeanDefinition(name)) {
			name = definition.type().getName();
		}
		registry.registerBeanDefinition(name, bean);
	}

}
